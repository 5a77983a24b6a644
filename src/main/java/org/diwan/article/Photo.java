package org.diwan.article;

/** A photo shown with an article: the stored file, its caption and whom to credit. */
public record Photo(String fileName, String contentType, String caption, String credit) {

  public String url() {
    return "/photos/" + fileName;
  }
}

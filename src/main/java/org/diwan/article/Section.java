package org.diwan.article;

/**
 * A section of one edition (Kurdistan, Economy, Opinion…), under which editors file articles.
 * {@code position} orders the edition's menu.
 */
public record Section(long id, String language, String slug, String name, int position) {

  public String path() {
    return "/" + language + "/sections/" + slug;
  }
}

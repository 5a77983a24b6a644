package org.diwan.article;

import java.text.Normalizer;
import java.util.Locale;

/** A topic an article is filed under: its display name and the slug its page lives at. */
public record Tag(String slug, String name) {

  public static Tag named(String name) {
    String display = name.strip().replaceAll("\\s+", " ");
    return new Tag(Slugs.of(display), display);
  }

  public String path() {
    return "/tags/" + slug;
  }

  /** Slugs keep letters of every script, so Arabic and Kurdish tags get readable addresses. */
  public static final class Slugs {
    private Slugs() {}

    public static String of(String text) {
      String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
      String slug =
          decomposed
              .replaceAll("\\p{M}", "")
              .toLowerCase(Locale.ROOT)
              .replaceAll("[^\\p{L}\\p{N}]+", "-")
              .replaceAll("(^-+|-+$)", "");
      return slug.length() > 80 ? slug.substring(0, 80).replaceAll("-+$", "") : slug;
    }
  }
}

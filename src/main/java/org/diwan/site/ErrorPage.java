package org.diwan.site;

import jakarta.servlet.http.HttpServletRequest;

/** An error as a reader sees it: the status, a title and what to do about it, in an edition. */
public record ErrorPage(int status, String title, String message, String lang) {

  /**
   * A request attribute: the page to show for an error sent with {@code sendError}, in place of the
   * status's own wording (for example a 403 that is about a role, not a refused form).
   */
  public static final String SHOWN = ErrorPage.class.getName();

  /**
   * A request attribute: the edition (language code) whose words an error on this request is shown
   * in, set by pages that know it (an article's language); else the path's edition or the default.
   */
  public static final String EDITION = ErrorPage.class.getName() + ".edition";

  /** The site's wording for a status in the default edition. */
  public static ErrorPage forStatus(int status) {
    return forStatus(status, null);
  }

  /** The site's wording for a status, in edition {@code lang} (the default edition if unknown). */
  public static ErrorPage forStatus(int status, String lang) {
    Texts t = Texts.of(lang);
    String key =
        switch (status) {
          case 400, 403, 404, 405, 409, 413, 415, 429 -> "error." + status;
          default -> status >= 500 ? "error.500" : "error.other";
        };
    return new ErrorPage(status, t.get(key + ".title"), t.get(key + ".text"), t.lang());
  }

  /**
   * The wording of problem {@code code} in edition {@code lang}, when the bundles word it; else
   * empty and the caller falls back on the status's wording.
   */
  public static java.util.Optional<ErrorPage> forProblem(
      int status, String code, String lang, Object... args) {
    Texts t = Texts.of(lang);
    String key = "problem." + code;
    if (code == null || !t.has(key + ".title")) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(
        new ErrorPage(status, t.get(key + ".title"), t.get(key + ".text", args), t.lang()));
  }

  /**
   * The edition of a request's error: what the page set, else the path's first segment when it
   * names an edition ({@code /ckb/...}), else the default edition.
   */
  public static String editionOf(HttpServletRequest request, String path) {
    if (request.getAttribute(EDITION) instanceof String set) {
      return set;
    }
    if (path != null) {
      int end = path.indexOf('/', 1);
      String first = end < 0 ? path.substring(Math.min(1, path.length())) : path.substring(1, end);
      if (Texts.find(first).isPresent()) {
        return first;
      }
    }
    return Texts.defaultEdition().lang();
  }
}

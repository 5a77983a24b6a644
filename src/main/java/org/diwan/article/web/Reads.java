package org.diwan.article.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which article views count as reads for "most read": a GET by a browser, not a crawler, a link
 * preview or a prefetch. Nothing about the reader is kept either way.
 */
final class Reads {

  private static final Pattern ROBOT =
      Pattern.compile(
          "bot|crawl|spider|slurp|preview|facebookexternalhit|curl|wget|python|java|okhttp");

  private Reads() {}

  static boolean counts(HttpServletRequest request) {
    if (!"GET".equals(request.getMethod())) {
      return false;
    }
    String purpose = request.getHeader("Sec-Purpose");
    if (purpose == null) {
      purpose = request.getHeader("Purpose");
    }
    if (purpose != null && purpose.toLowerCase(Locale.ROOT).contains("prefetch")) {
      return false;
    }
    String agent = request.getHeader("User-Agent");
    return agent != null && !ROBOT.matcher(agent.toLowerCase(Locale.ROOT)).find();
  }
}

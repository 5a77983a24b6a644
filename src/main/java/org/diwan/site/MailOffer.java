package org.diwan.site;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Whether the site can send e-mail: only when an SMTP host is configured ({@code DIWAN_SMTP_HOST},
 * read as the site starts). Without one, no page offers anything that needs e-mail.
 */
@Component
public class MailOffer {

  private final boolean offered;

  MailOffer(Environment environment) {
    this.offered = StringUtils.hasText(environment.getProperty("spring.mail.host"));
  }

  public boolean offered() {
    return offered;
  }

  /**
   * The "find my comments" page of edition {@code lang}, where a commenter asks for links to their
   * comments by e-mail; offered only when {@link #offered}.
   */
  public static String findPath(String lang) {
    return "/" + lang + "/my-comments";
  }
}

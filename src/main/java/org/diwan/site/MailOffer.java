package org.diwan.site;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Whether the site can send e-mail: Spring Boot makes a mail sender only when an SMTP host is
 * configured ({@code DIWAN_SMTP_HOST}). Without one, no page offers anything that needs e-mail.
 */
@Component
public class MailOffer {

  private final boolean offered;

  MailOffer(ObjectProvider<JavaMailSender> sender) {
    this.offered = sender.getIfAvailable() != null;
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

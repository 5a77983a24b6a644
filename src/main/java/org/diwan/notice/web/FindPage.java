package org.diwan.notice.web;

import org.diwan.site.MailOffer;
import org.diwan.site.Message;
import org.diwan.site.Texts;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * The "find my comments" page in edition {@code t}: the form (with what was typed and what is wrong
 * with it, or not), the answer once asked ({@code asked}), or the refusal when asked too often
 * ({@code tooMany}).
 */
public record FindPage(
    Texts t, String email, Message error, boolean asked, boolean tooMany, CsrfToken csrf) {

  /** Where the form posts to. */
  public String action() {
    return MailOffer.findPath(t.lang());
  }
}

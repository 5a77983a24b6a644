package org.diwan.notice.web;

import org.diwan.notice.Notices;
import org.diwan.site.MailOffer;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The e-mail outbox for moderators: notices by status, the oldest pending, the last error. */
@Controller
class NoticeOutbox {

  private final Notices notices;
  private final MailOffer mail;

  NoticeOutbox(Notices notices, MailOffer mail) {
    this.notices = notices;
    this.mail = mail;
  }

  @GetMapping("/moderation/notices")
  String outbox(Model model) {
    model.addAttribute("counts", notices.counts());
    model.addAttribute("mailOn", mail.offered());
    return "moderation/notices";
  }
}

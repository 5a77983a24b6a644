package org.diwan.moderation.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.diwan.comment.QueuedComment;
import org.diwan.guideline.Guidelines;
import org.diwan.moderation.Reports;
import org.diwan.site.ErrorPage;
import org.diwan.site.Texts;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A reader reports a published comment without JavaScript: the article page links each comment to
 * this page, whose form (CSRF-protected like every form) names a guideline and may add a note.
 */
@Controller
class ReportPages {

  private final Reports reports;
  private final Guidelines guidelines;

  ReportPages(Reports reports, Guidelines guidelines) {
    this.reports = reports;
    this.guidelines = guidelines;
  }

  @GetMapping("/articles/{slug}/comments/{id}/report")
  String form(
      @PathVariable String slug,
      @PathVariable long id,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response) {
    return page(slug, id, false, false, model, request, response);
  }

  @PostMapping("/articles/{slug}/comments/{id}/report")
  String report(
      @PathVariable String slug,
      @PathVariable long id,
      @RequestParam(required = false) String code,
      @RequestParam(required = false) String note,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response) {
    request.setAttribute(ErrorPage.EDITION, editionOf(slug, id));
    Reports.Filed filed = reports.file(slug, id, code, note, request.getRemoteAddr());
    return page(slug, id, true, filed.counted(), model, request, response);
  }

  private String editionOf(String slug, long id) {
    return reports.reportable(slug, id).article().language();
  }

  private String page(
      String slug,
      long id,
      boolean sent,
      boolean counted,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response) {
    QueuedComment comment = reports.reportable(slug, id);
    String language = comment.article().language();
    request.setAttribute(ErrorPage.EDITION, language);
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("X-Robots-Tag", "noindex");
    model.addAttribute(
        "page",
        new ReportPage(
            Texts.of(language),
            comment,
            guidelines.all(Locale.forLanguageTag(language)),
            sent,
            counted));
    return "report";
  }
}

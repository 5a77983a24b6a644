package org.diwan.comment.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.diwan.comment.Appeal;
import org.diwan.comment.AppealOutcome;
import org.diwan.comment.CommentAppeals;
import org.diwan.comment.CommentStatus;
import org.diwan.comment.CommentSubmission;
import org.diwan.comment.CommentTarget;
import org.diwan.comment.CommentTargetNotFound;
import org.diwan.comment.CommentTargets;
import org.diwan.comment.NoSuchCommentPage;
import org.diwan.comment.PublishedComment;
import org.diwan.comment.SubmitComment;
import org.diwan.comment.SubmittedComment;
import org.diwan.comment.internal.CommentStatusView;
import org.diwan.comment.internal.CommentStatuses;
import org.diwan.comment.internal.SubmissionLimits;
import org.diwan.guideline.Guideline;
import org.diwan.guideline.GuidelineCode;
import org.diwan.guideline.Guidelines;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The public JSON API for comments: post one, read the approved ones, check a status. */
@RestController
@Tag(name = "Comments")
class CommentApi {

  private final CommentSubmission submission;
  private final CommentStatuses statuses;
  private final CommentTargets targets;
  private final SubmissionLimits limits;
  private final PublishedCommentsJson publishedJson;
  private final CommentAppeals appeals;
  private final Guidelines guidelines;

  CommentApi(
      CommentSubmission submission,
      CommentStatuses statuses,
      CommentTargets targets,
      SubmissionLimits limits,
      PublishedCommentsJson publishedJson,
      CommentAppeals appeals,
      Guidelines guidelines) {
    this.appeals = appeals;
    this.guidelines = guidelines;
    this.submission = submission;
    this.statuses = statuses;
    this.targets = targets;
    this.limits = limits;
    this.publishedJson = publishedJson;
  }

  @PostMapping(
      path = "/api/articles/{slug}/comments",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Post a comment; it waits for moderation")
  ResponseEntity<Accepted> post(
      @PathVariable String slug, @RequestBody NewComment body, HttpServletRequest request) {
    limits.check(request.getRemoteAddr(), body.email());
    SubmittedComment stored =
        submission.submit(
            new SubmitComment(
                slug, body.name(), body.email(), body.text(), Boolean.TRUE.equals(body.emailMe())));
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .header("Location", "/api/comments/" + stored.token())
        .body(
            new Accepted(stored.id(), stored.token(), stored.status().name(), stored.statusPath()));
  }

  @GetMapping(path = "/api/articles/{slug}/comments", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary =
          "Approved comments, oldest first (order=newest: newest first), with their total;"
              + " page on with after=next")
  @ApiResponse(
      responseCode = "200",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = CommentList.class)))
  ResponseEntity<byte[]> approved(
      @PathVariable String slug,
      @RequestParam(defaultValue = "0") String after,
      @RequestParam(defaultValue = "100") int limit,
      @RequestParam(defaultValue = "oldest") String order) {
    CommentTarget article = targets.bySlug(slug).orElseThrow(() -> new CommentTargetNotFound(slug));
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_JSON)
        .body(publishedJson.page(article.articleId(), after(after), limit, newestFirst(order)));
  }

  /** The {@code after} cursor: 0 or the id of one of the article's comments (checked later). */
  static long after(String value) {
    try {
      long after = Long.parseLong(value.strip());
      if (after >= 0) {
        return after;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw NoSuchCommentPage.invalid(
        "after", "after must be 0 or the 'next' value of the page before.");
  }

  /** {@code order}: oldest (the default) or newest first. */
  static boolean newestFirst(String order) {
    return switch (order.strip()) {
      case "oldest" -> false;
      case "newest" -> true;
      default -> throw NoSuchCommentPage.invalid("order", "order must be oldest or newest.");
    };
  }

  @GetMapping(path = "/api/comments/{token}", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Where a comment stands in moderation")
  ResponseEntity<Status> status(@PathVariable String token) {
    CommentStatusView view =
        statuses
            .byToken(token)
            .orElseThrow(
                () ->
                    new ResponseStatusException(
                        HttpStatus.NOT_FOUND, "No comment has this token."));
    Locale language = Locale.forLanguageTag(view.article().language());
    Appeal appeal = appeals.ofComment(view.commentId()).orElse(null);
    return ResponseEntity.ok()
        .cacheControl(CacheControl.noStore())
        .body(
            new Status(
                view.status().name(),
                view.codes(),
                // A policy's note names scores for staff; the guidelines say why.
                view.decidedAutomatically() ? null : view.note(),
                view.submittedAt(),
                view.decidedAt(),
                view.removedAt(),
                view.decidedAutomatically(),
                view.codes().stream().sorted().map(c -> guidelines.describe(c, language)).toList(),
                appeal == null
                    && (view.status() == CommentStatus.REJECTED
                        || view.status() == CommentStatus.REMOVED),
                appeal == null
                    ? null
                    : new AppealStatus(appeal.filedAt(), appeal.outcome(), appeal.decidedAt())));
  }

  /** The body of a new comment. */
  /** {@code emailMe}: optional, e-mail the commenter once the comment is decided. */
  record NewComment(String name, String email, String text, Boolean emailMe) {}

  record Accepted(long id, String token, String status, String statusUrl) {}

  /**
   * A page of approved comments; {@code next} is the {@code after} of the next page, or null;
   * {@code total} counts every approved comment of the article.
   */
  record CommentList(List<PublishedComment> items, Long next, long total) {}

  /**
   * A comment's status and, once rejected or removed, its statement of reasons: the guidelines in
   * the article's language, whether a policy decided, the moderator's note to the commenter, and
   * whether it may still be appealed or how its appeal went.
   */
  record Status(
      String status,
      Set<GuidelineCode> codes,
      String note,
      Instant submittedAt,
      Instant decidedAt,
      Instant removedAt,
      boolean automatic,
      List<Guideline> guidelines,
      boolean appealable,
      AppealStatus appeal) {}

  /**
   * An appeal as its commenter sees it; {@code outcome} and {@code decidedAt} null while waiting.
   */
  record AppealStatus(Instant filedAt, AppealOutcome outcome, Instant decidedAt) {}
}

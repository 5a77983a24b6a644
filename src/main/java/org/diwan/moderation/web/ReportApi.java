package org.diwan.moderation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.diwan.moderation.Reports;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Readers report a published comment; no account, counted once per client. */
@RestController
@Tag(name = "Comments")
class ReportApi {

  /** A report: one guideline code and an optional short note. */
  record NewReport(String code, String note) {}

  /** The report was taken; {@code counted} is false when this client had reported it before. */
  record Taken(long commentId, boolean counted) {}

  private final Reports reports;

  ReportApi(Reports reports) {
    this.reports = reports;
  }

  @PostMapping(
      path = "/api/articles/{slug}/comments/{id}/reports",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary =
          "Report a published comment as breaking a guideline; counted once per client, a few"
              + " an hour")
  @ApiResponse(responseCode = "202", description = "Report taken (or already counted)")
  @ApiResponse(
      responseCode = "400",
      description = "Unknown guideline code or a note over 300 characters",
      content =
          @Content(
              mediaType = "application/problem+json",
              schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(
      responseCode = "404",
      description = "No such comment under this article",
      content = @Content(mediaType = "application/problem+json"))
  @ApiResponse(
      responseCode = "409",
      description = "The comment is not published (pending, rejected or taken down)",
      content = @Content(mediaType = "application/problem+json"))
  @ApiResponse(
      responseCode = "429",
      description = "Too many reports from this client; see Retry-After",
      content = @Content(mediaType = "application/problem+json"))
  ResponseEntity<Taken> report(
      @PathVariable String slug,
      @PathVariable long id,
      @RequestBody NewReport body,
      HttpServletRequest request) {
    Reports.Filed filed = reports.file(slug, id, body.code(), body.note(), request.getRemoteAddr());
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .body(new Taken(filed.commentId(), filed.counted()));
  }
}

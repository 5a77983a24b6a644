package org.diwan.site.web;

import org.diwan.site.Problems;
import org.diwan.site.internal.RequestSizeLimit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every error of the JSON API into an RFC 9457 {@code application/problem+json} response with
 * a message a person can act on; never a stack trace.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblems extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    ErrorResponseException answer =
        causedByTooLargeBody(e)
            ? RequestSizeLimit.tooLarge()
            : new ErrorResponseException(
                HttpStatus.BAD_REQUEST,
                Problems.of(
                    HttpStatus.BAD_REQUEST,
                    "request.unreadable",
                    "Unreadable request body",
                    "The request body could not be read. Send a JSON object in UTF-8, like"
                        + " {\"name\": \"…\", \"email\": \"…\", \"text\": \"…\"}."),
                null);
    return handleExceptionInternal(e, answer.getBody(), headers, answer.getStatusCode(), request);
  }

  /** The size limit's exception arrives wrapped by the JSON parser, at some depth. */
  private static boolean causedByTooLargeBody(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof RequestSizeLimit.BodyTooLarge) {
        return true;
      }
    }
    return false;
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e) {
    log.error("Unexpected error in the API", e);
    return ResponseEntity.internalServerError()
        .body(
            Problems.of(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "internal",
                "Internal error",
                "Something went wrong on our side. Nothing was stored; please try again."));
  }
}

package org.diwan.site;

import org.springframework.http.HttpStatus;

/** An error as a reader sees it: the status, a title and what to do about it. */
public record ErrorPage(int status, String title, String message) {

  /**
   * A request attribute: the page to show for an error sent with {@code sendError}, in place of the
   * status's own wording (for example a 403 that is about a role, not a refused form).
   */
  public static final String SHOWN = ErrorPage.class.getName();

  /** The site's wording for a status, used when nothing more specific is known. */
  public static ErrorPage forStatus(int status) {
    return switch (status) {
      case 400 ->
          new ErrorPage(
              400,
              "Something in the request could not be read",
              "Please go back and send it again. Text must be sent as UTF-8, as every browser does.");
      case 403 ->
          new ErrorPage(
              403,
              "The form could not be accepted",
              "It may have expired, or been sent from another site. Go back, reload the page and"
                  + " send it again.");
      case 404 ->
          new ErrorPage(
              404,
              "Page not found",
              "There is nothing at this address. It may have been moved, or the link may be"
                  + " mistyped.");
      case 405 ->
          new ErrorPage(
              405,
              "That cannot be done here",
              "This address does not accept that kind of request.");
      case 409 ->
          new ErrorPage(
              409, "That cannot be done now", "The page has changed since you opened it.");
      case 413 ->
          new ErrorPage(
              413,
              "That was too much to send at once",
              "A comment can be at most 64 KB and a photo at most 10 MB. Please send less.");
      case 415 ->
          new ErrorPage(
              415, "Unsupported format", "This address does not accept data in that format.");
      case 429 -> new ErrorPage(429, "Too many requests", "Please wait a moment and try again.");
      default -> {
        HttpStatus known = HttpStatus.resolve(status);
        yield status >= 500
            ? new ErrorPage(
                status,
                "Something went wrong on our side",
                "Nothing you did caused this. Please try again in a moment.")
            : new ErrorPage(
                status,
                known != null ? known.getReasonPhrase() : "Error",
                "Please go back and try again.");
      }
    };
  }
}

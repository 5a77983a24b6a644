package org.diwan.comment.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.diwan.site.ReadAgain;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.util.ServletRequestPathUtils;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers {@code POST /api/articles/{slug}/comments} without Spring MVC's dispatch: finding the
 * handler among the site's mappings, binding the body and writing the answer through the message
 * converters cost about a third of a submission's CPU, more than storing the comment.
 *
 * <p>It runs after Spring Security's filters, like {@link PublishedCommentsShortcut}, and it calls
 * {@link CommentApi#post} itself. Whatever that throws goes to the exception resolvers the
 * dispatcher uses, for the same handler method, so every answer, the 202 and each problem, is the
 * controller's own. It takes only a request the controller would read the same way: a declared
 * length, JSON in UTF-8, an {@code Accept} that admits JSON, a plain slug, and a body that parses
 * to an object. Anything else goes on to the dispatcher, with the bytes already read put back.
 */
class CommentPostShortcut extends FastPath {

  /** Far above any comment the site accepts; a longer body is left to the usual path. */
  private static final int MAX_BODY = 64 * 1024;

  private final CommentApi api;
  private final JsonMapper json;
  private final HandlerExceptionResolver resolver;
  private final HandlerMethod handler;

  CommentPostShortcut(
      CommentApi api,
      JsonMapper json,
      @Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver)
      throws NoSuchMethodException {
    this.api = api;
    this.json = json;
    this.resolver = resolver;
    this.handler =
        new HandlerMethod(
            api,
            CommentApi.class.getDeclaredMethod(
                "post", String.class, CommentApi.NewComment.class, HttpServletRequest.class));
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod())
        || !request.getRequestURI().startsWith(ShortcutRequests.COMMENTS_PREFIX);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String slug = ShortcutRequests.commentsSlug(request);
    long length = request.getContentLengthLong();
    if (slug == null
        || length <= 0
        || length > MAX_BODY
        || !ShortcutRequests.jsonInUtf8(request)
        || !ShortcutRequests.acceptsJson(request)) {
      chain.doFilter(request, response);
      return;
    }
    // Received already by site.internal.ConcurrencyLimit, before the request took its place: taken
    // as it is, not read again. Otherwise (this filter alone, in a test) read here.
    byte[] received = ReadAgain.bodyOf(request).orElse(null);
    byte[] body;
    try {
      body = received != null ? received : request.getInputStream().readNBytes((int) length);
    } catch (IOException e) {
      answerProblem(
          request,
          response,
          new HttpMessageNotReadableException(
              "I/O error while reading input message", e, new ServletServerHttpRequest(request)));
      return;
    }
    CommentApi.NewComment comment = parse(body);
    if (comment == null) {
      // the controller says what is wrong, from the same bytes
      chain.doFilter(received != null ? request : new ReadAgain(request, body), response);
      return;
    }
    ResponseEntity<CommentApi.Accepted> answer;
    try {
      answer = api.post(slug, comment, request);
    } catch (RuntimeException e) {
      answerProblem(request, response, e);
      return;
    }
    byte[] bytes = json.writeValueAsBytes(answer.getBody());
    response.setStatus(answer.getStatusCode().value());
    answer.getHeaders().forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
    counted();
  }

  private CommentApi.NewComment parse(byte[] body) {
    try {
      return json.readValue(body, CommentApi.NewComment.class);
    } catch (JacksonException e) {
      return null;
    }
  }

  private void answerProblem(
      HttpServletRequest request, HttpServletResponse response, RuntimeException e) {
    if (!ServletRequestPathUtils.hasParsedRequestPath(request)) {
      ServletRequestPathUtils.parseAndCache(request); // as the dispatcher leaves it for resolvers
    }
    if (resolver.resolveException(request, response, handler, e) == null) {
      throw e;
    }
    counted();
  }
}

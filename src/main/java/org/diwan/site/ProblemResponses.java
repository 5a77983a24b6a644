package org.diwan.site;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/**
 * Writes a problem from where Spring MVC does not answer (a servlet filter, Spring Security's entry
 * point), through the same message converters a controller's problem goes through, so the two
 * cannot differ: the same members, {@code instance} set to the request's path as MVC sets it.
 */
@Component
public class ProblemResponses {

  private final ObjectProvider<RequestMappingHandlerAdapter> mvc;

  ProblemResponses(ObjectProvider<RequestMappingHandlerAdapter> mvc) {
    this.mvc = mvc;
  }

  /** Sends {@code error}'s status, headers and problem body, unless the response is committed. */
  public void write(HttpServletRequest request, HttpServletResponse response, ErrorResponse error)
      throws IOException {
    if (response.isCommitted()) {
      return;
    }
    ProblemDetail problem = error.getBody();
    if (problem.getInstance() == null) {
      problem.setInstance(URI.create(request.getRequestURI()));
    }
    response.setStatus(error.getStatusCode().value());
    error.getHeaders().forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
    ServletServerHttpResponse out = new ServletServerHttpResponse(response);
    for (HttpMessageConverter<?> converter : mvc.getObject().getMessageConverters()) {
      if (converter.canWrite(ProblemDetail.class, MediaType.APPLICATION_PROBLEM_JSON)) {
        @SuppressWarnings("unchecked")
        HttpMessageConverter<Object> json = (HttpMessageConverter<Object>) converter;
        json.write(problem, MediaType.APPLICATION_PROBLEM_JSON, out);
        out.flush();
        return;
      }
    }
    throw new IllegalStateException("No message converter writes application/problem+json");
  }
}

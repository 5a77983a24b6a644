package org.diwan.site.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.diwan.site.Problems;
import org.diwan.site.SiteProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over {@code diwan.limits.max-request-bytes}: a declared length over the
 * limit gets 413 before anything is read; a body without a declared length stops being read at the
 * limit, so no request can make the server buffer more than that.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestSizeLimit extends OncePerRequestFilter {

  private final long limit;
  private final long uploadLimit;

  RequestSizeLimit(SiteProperties properties) {
    this.limit = properties.limits().maxRequestBytes();
    this.uploadLimit = properties.limits().maxUploadBytes();
  }

  private long limitFor(HttpServletRequest request) {
    String path = request.getRequestURI();
    boolean editing =
        path.startsWith("/editor/")
            || path.equals("/editor")
            || (path.startsWith("/api/articles") && !path.endsWith("/comments"));
    return editing ? uploadLimit : limit;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long max = limitFor(request);
    if (request.getContentLengthLong() > max) {
      response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
      return;
    }
    try {
      chain.doFilter(new Limited(request, max), response);
    } catch (RuntimeException e) {
      // A multipart body the container cannot parse (say, a NUL in a file name) surfaces as an
      // exception in whichever filter reads parameters first: it is bad input, not our fault.
      if (!malformedUpload(e) || response.isCommitted()) {
        throw e;
      }
      response.sendError(HttpServletResponse.SC_BAD_REQUEST);
    }
  }

  private static boolean malformedUpload(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause.getClass().getName().startsWith("org.apache.tomcat.util.http.fileupload.")) {
        return true;
      }
    }
    return false;
  }

  /** The API's answer to a body past the limit, wherever it is found out. */
  public static ErrorResponseException tooLarge() {
    return new ErrorResponseException(
        HttpStatus.CONTENT_TOO_LARGE,
        Problems.of(
            HttpStatus.CONTENT_TOO_LARGE,
            "request.too-large",
            "Request too large",
            "The request body is larger than this site accepts (64 KB)."),
        null);
  }

  /** Thrown by a body read past the limit. */
  public static final class BodyTooLarge extends IOException {
    BodyTooLarge(long limit) {
      super("The request body is larger than " + limit + " bytes");
    }
  }

  private static final class Limited extends HttpServletRequestWrapper {
    private final long limit;

    Limited(HttpServletRequest request, long limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      ServletInputStream in = super.getInputStream();
      return new ServletInputStream() {
        private long read;

        @Override
        public int read() throws IOException {
          int b = in.read();
          if (b >= 0) {
            count(1);
          }
          return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
          int n = in.read(buffer, offset, length);
          if (n > 0) {
            count(n);
          }
          return n;
        }

        private void count(int n) throws BodyTooLarge {
          read += n;
          if (read > limit) {
            throw new BodyTooLarge(limit);
          }
        }

        @Override
        public boolean isFinished() {
          return in.isFinished();
        }

        @Override
        public boolean isReady() {
          return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
          in.setReadListener(listener);
        }
      };
    }
  }
}

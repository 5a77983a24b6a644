package org.diwan.site;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.web.util.WebUtils;

/**
 * A request whose body has been read already, to be read again from the start as often as asked:
 * the concurrency limit receives a JSON or text body before the request takes a place, and whatever
 * reads it later reads these bytes, or takes them at once with {@link #bodyOf}.
 */
public final class ReadAgain extends HttpServletRequestWrapper {

  private final byte[] body;

  public ReadAgain(HttpServletRequest request, byte[] body) {
    super(request);
    this.body = body;
  }

  /** The body already received for {@code request}, when a wrapper around it holds one. */
  public static Optional<byte[]> bodyOf(ServletRequest request) {
    ReadAgain received = WebUtils.getNativeRequest(request, ReadAgain.class);
    return received == null ? Optional.empty() : Optional.of(received.body);
  }

  @Override
  public ServletInputStream getInputStream() {
    ByteArrayInputStream in = new ByteArrayInputStream(body);
    return new ServletInputStream() {
      @Override
      public int read() {
        return in.read();
      }

      @Override
      public int read(byte[] buffer, int offset, int length) {
        return in.read(buffer, offset, length);
      }

      @Override
      public boolean isFinished() {
        return in.available() == 0;
      }

      @Override
      public boolean isReady() {
        return true;
      }

      @Override
      public void setReadListener(ReadListener listener) {
        throw new IllegalStateException("The body was read already; it cannot be read async");
      }
    };
  }

  @Override
  public BufferedReader getReader() {
    return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
  }
}

package org.diwan.site.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.diwan.site.ProblemResponses;
import org.diwan.site.ReadAgain;
import org.diwan.site.SiteProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Serves at most {@code diwan.limits.concurrent-requests} requests at once and answers the rest 503
 * with Retry-After straight away: under overload readers get a quick answer instead of a queue that
 * grows until everything times out. Health checks are never turned away.
 *
 * <p>A request's body is received before it may take a place, so a client sending its body slowly
 * holds none: a JSON or text body is read here, at least {@link #MIN_BYTES_PER_SECOND} on average
 * after the first {@link #GRACE_MILLIS} or the request is answered 408; form and multipart bodies
 * have already been read by the container ({@link MalformedParameters}). And one client address may
 * have at most {@code diwan.limits.requests-per-address} requests in progress (0: no cap); more get
 * 429 at once. Behind a proxy the address is the client's only when the proxy is trusted ({@code
 * DIWAN_TRUSTED_PROXIES}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ConcurrencyLimit extends OncePerRequestFilter {

  static final int MIN_BYTES_PER_SECOND = 1024;
  static final long GRACE_MILLIS = 5_000;

  private final Semaphore permits;
  private final int perAddress;
  private final ConcurrentHashMap<String, AtomicInteger> inProgress = new ConcurrentHashMap<>();

  private final ProblemResponses problems;

  ConcurrencyLimit(int limit) {
    this(limit, 0, null);
  }

  @Autowired
  ConcurrencyLimit(SiteProperties properties, ProblemResponses problems) {
    this(
        properties.limits().concurrentRequests(),
        properties.limits().requestsPerAddress(),
        problems);
  }

  ConcurrencyLimit(int limit, int perAddress, ProblemResponses problems) {
    this.permits = new Semaphore(Math.max(1, limit));
    this.perAddress = perAddress;
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getRequestURI().startsWith("/actuator/health")) {
      chain.doFilter(request, response);
      return;
    }
    String address = request.getRemoteAddr();
    AtomicInteger mine =
        perAddress > 0 ? inProgress.computeIfAbsent(address, a -> new AtomicInteger()) : null;
    if (mine != null && mine.incrementAndGet() > perAddress) {
      release(address, mine);
      refuse(response, 429, "Too many requests from your address at once. Please try again.");
      return;
    }
    try {
      HttpServletRequest received;
      try {
        received = withBodyReceived(request);
      } catch (SlowBody e) {
        response.setHeader("Connection", "close");
        refuse(response, 408, "The request was sent too slowly. Please send it again.");
        return;
      } catch (RequestSizeLimit.BodyTooLarge e) {
        tooLarge(request, response);
        return;
      } catch (MalformedBody e) {
        response.sendError(HttpServletResponse.SC_BAD_REQUEST);
        return;
      }
      if (!permits.tryAcquire()) {
        refuse(response, 503, "The site is very busy right now. Please try again in a moment.");
        return;
      }
      try {
        chain.doFilter(received, response);
      } finally {
        permits.release();
      }
    } finally {
      if (mine != null) {
        release(address, mine);
      }
    }
  }

  private void release(String address, AtomicInteger count) {
    if (count.decrementAndGet() <= 0) {
      inProgress.remove(address, count);
    }
  }

  /** The API's problem for a body past the limit, as a controller answers it, or the 413 page. */
  private void tooLarge(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (!request.getRequestURI().startsWith("/api/")) {
      response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
      return;
    }
    problems.write(request, response, RequestSizeLimit.tooLarge());
  }

  private static void refuse(HttpServletResponse response, int status, String message)
      throws IOException {
    response.setHeader("Retry-After", "2");
    response.setStatus(status);
    response.setContentType("text/plain;charset=UTF-8");
    response.getWriter().write(message + "\n");
  }

  /** The request with its JSON or text body already read, at a minimum rate; others as they are. */
  private static HttpServletRequest withBodyReceived(HttpServletRequest request)
      throws IOException {
    boolean body =
        request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
    String type = request.getContentType();
    String lower = type == null ? "" : type.toLowerCase(Locale.ROOT);
    if (!body
        || lower.startsWith("application/x-www-form-urlencoded")
        || lower.startsWith("multipart/")) {
      return request;
    }
    byte[] read = new MinimumRate(request.getInputStream()).readAllBytes();
    if ((lower.startsWith("application/json") || lower.startsWith("text/"))
        && (request.getCharacterEncoding() == null
            || request.getCharacterEncoding().equalsIgnoreCase("UTF-8"))) {
      try {
        // Strictly: an overlong sequence or a lone surrogate is refused, not decoded by a parser
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(read));
      } catch (CharacterCodingException e) {
        throw new MalformedBody();
      }
    }
    return new ReadAgain(request, read);
  }

  /** Thrown for a JSON or text body that is not well-formed UTF-8. */
  static final class MalformedBody extends IOException {
    MalformedBody() {
      super("request body is not well-formed UTF-8");
    }
  }

  /** Thrown when a body arrives slower than the minimum rate. */
  static final class SlowBody extends IOException {
    SlowBody() {
      super("request body slower than " + MIN_BYTES_PER_SECOND + " bytes a second");
    }
  }

  /** Reads a body and gives up when, past the grace period, it arrives too slowly on average. */
  private static final class MinimumRate extends InputStream {
    private final InputStream in;
    private final long start = System.nanoTime();
    private long read;

    MinimumRate(InputStream in) {
      this.in = in;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = in.read(buffer, offset, length);
      if (n > 0) {
        read += n;
      }
      long millis = (System.nanoTime() - start) / 1_000_000;
      if (n >= 0 && millis > GRACE_MILLIS && read * 1000 < MIN_BYTES_PER_SECOND * millis) {
        throw new SlowBody();
      }
      return n;
    }
  }
}

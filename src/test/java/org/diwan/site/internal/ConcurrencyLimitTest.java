package org.diwan.site.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class ConcurrencyLimitTest {

  @Test
  void requestsOverTheLimitGet503AtOnceAndHealthChecksStillPass() throws Exception {
    ConcurrencyLimit limit = new ConcurrencyLimit(1);
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Thread busy =
        new Thread(
            () -> {
              try {
                limit.doFilter(
                    new MockHttpServletRequest("GET", "/"),
                    new MockHttpServletResponse(),
                    (request, response) -> {
                      inside.countDown();
                      try {
                        release.await(10, TimeUnit.SECONDS);
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                      }
                    });
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    busy.start();
    assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();

    MockHttpServletResponse refused = new MockHttpServletResponse();
    limit.doFilter(new MockHttpServletRequest("GET", "/articles/x"), refused, (rq, rs) -> {});
    MockHttpServletResponse health = new MockHttpServletResponse();
    boolean[] healthServed = {false};
    limit.doFilter(
        new MockHttpServletRequest("GET", "/actuator/health"),
        health,
        (rq, rs) -> healthServed[0] = true);
    release.countDown();
    busy.join();

    assertThat(refused.getStatus()).isEqualTo(503);
    assertThat(refused.getHeader("Retry-After")).isEqualTo("2");
    assertThat(refused.getContentAsString()).contains("very busy");
    assertThat(healthServed[0]).isTrue();

    MockHttpServletResponse later = new MockHttpServletResponse();
    boolean[] served = {false};
    limit.doFilter(new MockHttpServletRequest("GET", "/"), later, (rq, rs) -> served[0] = true);
    assertThat(served[0]).as("the permit is given back").isTrue();
  }
}

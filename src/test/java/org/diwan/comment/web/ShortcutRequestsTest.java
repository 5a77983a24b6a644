package org.diwan.comment.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class ShortcutRequestsTest {

  private static MockHttpServletRequest request(String uri) {
    return new MockHttpServletRequest("POST", uri);
  }

  private static MockHttpServletRequest accepting(String... headers) {
    MockHttpServletRequest request = request("/api/articles/a/comments");
    for (String header : headers) {
      request.addHeader("Accept", header);
    }
    return request;
  }

  private static MockHttpServletRequest declaring(String contentType) {
    MockHttpServletRequest request = request("/api/articles/a/comments");
    request.setContentType(contentType);
    return request;
  }

  @Test
  void takesTheSlugOnlyFromAPlainCommentsPath() {
    assertThat(ShortcutRequests.commentsSlug(request("/api/articles/bridge-2026.v2/comments")))
        .isEqualTo("bridge-2026.v2");
    assertThat(ShortcutRequests.commentsSlug(request("/api/articles/a/b/comments"))).isNull();
    assertThat(ShortcutRequests.commentsSlug(request("/api/articles/caf%C3%A9/comments"))).isNull();
    assertThat(ShortcutRequests.commentsSlug(request("/api/articles/a;x=1/comments"))).isNull();
    assertThat(ShortcutRequests.commentsSlug(request("/api/articles/café/comments"))).isNull();
    assertThat(ShortcutRequests.commentsSlug(request("/api/articles//comments"))).isNull();
    assertThat(ShortcutRequests.commentsSlug(request("/api/articles/a/comments/"))).isNull();
    assertThat(ShortcutRequests.commentsSlug(request("/api/articles/comments"))).isNull();
  }

  @Test
  void admitsJsonOnlyWhenEveryAcceptHeaderIsPlainAndOneCoversJson() {
    assertThat(ShortcutRequests.acceptsJson(accepting())).isTrue();
    assertThat(ShortcutRequests.acceptsJson(accepting(""))).isTrue();
    assertThat(ShortcutRequests.acceptsJson(accepting("*/*"))).isTrue();
    assertThat(ShortcutRequests.acceptsJson(accepting("Application/JSON"))).isTrue();
    assertThat(ShortcutRequests.acceptsJson(accepting("text/html, application/*"))).isTrue();
    assertThat(ShortcutRequests.acceptsJson(accepting("text/html", "application/json"))).isTrue();

    assertThat(ShortcutRequests.acceptsJson(accepting("text/html"))).isFalse();
    assertThat(ShortcutRequests.acceptsJson(accepting("application/problem+json"))).isFalse();
    assertThat(ShortcutRequests.acceptsJson(accepting("application/json;q=0"))).isFalse();
    assertThat(ShortcutRequests.acceptsJson(accepting("application/json", "*/*;q=0.1"))).isFalse();
  }

  @Test
  void readsOnlyJsonDeclaredInUtf8OrWithoutACharset() {
    assertThat(ShortcutRequests.jsonInUtf8(declaring("application/json"))).isTrue();
    assertThat(ShortcutRequests.jsonInUtf8(declaring("application/json; charset=utf-8"))).isTrue();
    assertThat(ShortcutRequests.jsonInUtf8(declaring("Application/Json;charset=UTF-8"))).isTrue();

    assertThat(ShortcutRequests.jsonInUtf8(request("/api/articles/a/comments"))).isFalse();
    assertThat(ShortcutRequests.jsonInUtf8(declaring("application/json;charset=ISO-8859-1")))
        .isFalse();
    assertThat(ShortcutRequests.jsonInUtf8(declaring("application/json;charset=no-such-set")))
        .isFalse();
    assertThat(ShortcutRequests.jsonInUtf8(declaring("application/json;version=2"))).isFalse();
    assertThat(ShortcutRequests.jsonInUtf8(declaring("application/problem+json"))).isFalse();
    assertThat(ShortcutRequests.jsonInUtf8(declaring("text/plain"))).isFalse();
    assertThat(ShortcutRequests.jsonInUtf8(declaring("application/"))).isFalse();
  }
}

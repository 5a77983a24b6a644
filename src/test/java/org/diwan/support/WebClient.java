package org.diwan.support;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

/** A small HTTP client for tests, with its own cookie jar, that does not follow redirects. */
public final class WebClient {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private final String base;
  private final HttpClient http;
  private final CookieManager cookies = new CookieManager();

  public WebClient(int port) {
    this.base = "http://localhost:" + port;
    this.http =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** The value of a cookie this client holds, e.g. its session id; "" when it has none. */
  public String cookie(String name) {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals(name))
        .map(HttpCookie::getValue)
        .findFirst()
        .orElse("");
  }

  public HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").GET());
  }

  public HttpResponse<String> getJson(String path) {
    return send(HttpRequest.newBuilder(uri(path)).header("Accept", "application/json").GET());
  }

  public HttpResponse<String> post(String path, String contentType, String body) {
    return post(path, contentType, body.getBytes(StandardCharsets.UTF_8));
  }

  public HttpResponse<String> post(String path, String contentType, byte[] body) {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", contentType)
            .header("Accept", "application/json, text/html")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  /** Posts without declaring a length, as a streaming client does (chunked encoding). */
  public HttpResponse<String> postChunked(String path, String contentType, byte[] body) {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));
  }

  /** Logs in through the staff login form; the session cookie stays in this client's jar. */
  public WebClient logIn(String email, String password) {
    HttpResponse<String> response =
        submitForm("/login", "/login", Map.of("username", email, "password", password));
    String location = response.headers().firstValue("Location").orElse("");
    if (response.statusCode() != 302 || location.contains("error")) {
      throw new AssertionError("Login failed for " + email + ": " + location);
    }
    return this;
  }

  /** Sends a request with extra headers, e.g. {@code Authorization}. */
  public HttpResponse<String> send(String method, String path, String json, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path))
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    request.header("Accept", "application/json, text/html");
    return send(withHeaders(request, headers));
  }

  /**
   * Sends a request with extra headers and keeps the answer's bytes as they came, e.g. compressed
   * for {@code Accept-Encoding: gzip} (this client never decompresses).
   */
  public HttpResponse<byte[]> fetch(String method, String path, String... headers) {
    HttpRequest request =
        withHeaders(
                HttpRequest.newBuilder(uri(path))
                    .header("Accept", "text/html, application/json")
                    .method(method, HttpRequest.BodyPublishers.noBody()),
                headers)
            .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The bytes of a gzip stream, decompressed. */
  public static byte[] gunzip(byte[] compressed) {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException("Not gzip", e);
    }
  }

  /** Sets each name/value pair of {@code headers} on the request. */
  private static HttpRequest.Builder withHeaders(HttpRequest.Builder request, String... headers) {
    for (int i = 0; i + 1 < headers.length; i += 2) {
      request.setHeader(headers[i], headers[i + 1]);
    }
    return request;
  }

  /** Posts multipart/form-data with text fields and one file, as a browser's upload does. */
  public HttpResponse<String> postMultipart(
      String path,
      Map<String, String> fields,
      String fileField,
      String fileName,
      String fileType,
      byte[] file) {
    String boundary = "----diwan" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    try {
      for (var field : fields.entrySet()) {
        body.write(
            ("--"
                    + boundary
                    + "\r\nContent-Disposition: form-data; name=\""
                    + field.getKey()
                    + "\"\r\n\r\n"
                    + field.getValue()
                    + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
      }
      body.write(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\""
                  + fileField
                  + "\"; filename=\""
                  + fileName
                  + "\"\r\nContent-Type: "
                  + fileType
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8));
      body.write(file);
      body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return post(path, "multipart/form-data; boundary=" + boundary, body.toByteArray());
  }

  /** The CSRF token the page at {@code path} carries in its forms. */
  public String csrfToken(String path) {
    Matcher token = CSRF.matcher(get(path).body());
    if (!token.find()) {
      throw new AssertionError("No CSRF field on " + path);
    }
    return token.group(1);
  }

  public HttpResponse<String> postJson(String path, String json) {
    return post(path, "application/json", json);
  }

  /** Posts a form the way a browser does, with the CSRF token the page at {@code pagePath} gave. */
  public HttpResponse<String> submitForm(
      String pagePath, String action, Map<String, String> fields) {
    Matcher token = CSRF.matcher(get(pagePath).body());
    if (!token.find()) {
      throw new AssertionError("No CSRF field on " + pagePath);
    }
    Map<String, String> all = new LinkedHashMap<>(fields);
    all.put("_csrf", token.group(1));
    return post(action, "application/x-www-form-urlencoded", form(all));
  }

  /**
   * Posts a form with extra headers, e.g. {@code X-Forwarded-For}; fields include {@code _csrf}.
   */
  public HttpResponse<String> postForm(String path, Map<String, String> fields, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "text/html")
            .POST(HttpRequest.BodyPublishers.ofString(form(fields)));
    return send(withHeaders(request, headers));
  }

  public static String form(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  private URI uri(String path) {
    return URI.create(base + path);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}

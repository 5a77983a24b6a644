package org.diwan.site.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.diwan.site.ContentSecurity;
import org.diwan.site.Texts;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Tomcat's own error page, for requests it refuses before the site sees them (a request target with
 * characters HTTP forbids, say), carries the same security headers as the site's pages: the host's
 * error report valve is replaced by one that sets them, shows no report and no server name.
 */
@Component
class SecureErrorReports
    implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE; // after Spring Boot's own valve is added, to replace it
  }

  @Override
  public void customize(TomcatServletWebServerFactory factory) {
    factory.addContextCustomizers(
        context -> {
          Container parent = context.getParent();
          if (parent instanceof StandardHost host) {
            for (Valve valve : host.getPipeline().getValves()) {
              if (valve instanceof ErrorReportValve) {
                host.getPipeline().removeValve(valve);
              }
            }
            host.setErrorReportValveClass(WithHeaders.class.getName());
            host.getPipeline().addValve(new WithHeaders());
          }
        });
  }

  /** The error report valve, with the site's security headers on every report it writes. */
  public static class WithHeaders extends ErrorReportValve {
    public WithHeaders() {
      setShowReport(false);
      setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
      if (!response.isCommitted()) {
        // A page that says itself who may frame it (the embed's) keeps that: no DENY over it.
        if (!response.containsHeader("Content-Security-Policy")) {
          response.setHeader("Content-Security-Policy", SECURITY_POLICY);
          setIfAbsent(response, "X-Frame-Options", "DENY");
        }
        setIfAbsent(response, "X-Content-Type-Options", "nosniff");
        setIfAbsent(response, "Referrer-Policy", "strict-origin-when-cross-origin");
        if (response.getStatus() == 400
            && response.getContentWritten() == 0
            && response.setErrorReported()
            && readable(response)) {
          return;
        }
      }
      super.report(request, response, throwable);
    }

    /**
     * Tomcat refuses a request line or headers larger than it reads (a 10,000-character search
     * typed into an address bar, say) before the site sees them; the reader gets the site's own
     * words for it, in the default edition, rather than a bare "Bad Request".
     */
    private static boolean readable(Response response) {
      Texts t = Texts.defaultEdition();
      String page =
          "<!DOCTYPE html><html lang=\""
              + t.lang()
              + "\" dir=\""
              + t.dir()
              + "\"><head><meta charset=\"utf-8\"><title>"
              + HtmlUtils.htmlEscape(t.get("error.400.title"))
              + "</title></head><body><h1>"
              + HtmlUtils.htmlEscape(t.get("error.400.title"))
              + "</h1><p>"
              + HtmlUtils.htmlEscape(t.get("error.400.long"))
              + "</p><p><a href=\"/\">"
              + HtmlUtils.htmlEscape(t.get("error.home"))
              + "</a></p></body></html>";
      try {
        response.setContentType("text/html;charset=UTF-8");
        response.getOutputStream().write(page.getBytes(StandardCharsets.UTF_8));
        response.finishResponse();
        return true;
      } catch (IOException | IllegalStateException e) {
        return false;
      }
    }

    private static void setIfAbsent(Response response, String name, String value) {
      if (!response.containsHeader(name)) {
        response.setHeader(name, value);
      }
    }
  }

  /** As the site's pages have it (staff.Security), for a page that holds no script at all. */
  static final String SECURITY_POLICY = ContentSecurity.POLICY;
}

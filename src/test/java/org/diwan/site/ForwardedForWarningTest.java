package org.diwan.site;

import static org.assertj.core.api.Assertions.assertThat;

import org.diwan.support.OnSqlite;
import org.diwan.support.WebClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.Environment;
import org.springframework.test.context.TestPropertySource;

/** A proxy that is not trusted is named in the log, so the operator learns to list it. */
@OnSqlite
@TestPropertySource(properties = "diwan.test.context=forwarded-for") // a fresh application
@ExtendWith(OutputCaptureExtension.class)
class ForwardedForWarningTest {

  @Autowired Environment environment;

  @Test
  void xForwardedForFromAnUntrustedAddressIsIgnoredWithAWarning(CapturedOutput output) {
    WebClient web =
        new WebClient(environment.getRequiredProperty("local.server.port", Integer.class));

    web.send("GET", "/", null, "X-Forwarded-For", "203.0.113.9");
    web.send("GET", "/", null, "X-Forwarded-For", "203.0.113.10");

    assertThat(output.getOut())
        .containsOnlyOnce("carried X-Forwarded-For, which was ignored")
        .contains("DIWAN_TRUSTED_PROXIES");
  }
}

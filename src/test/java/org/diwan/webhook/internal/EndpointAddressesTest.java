package org.diwan.webhook.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.diwan.webhook.InvalidWebhook;
import org.diwan.webhook.WebhookProperties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EndpointAddressesTest {

  private final EndpointAddresses publicOnly =
      new EndpointAddresses(new WebhookProperties(false, Duration.ofSeconds(10), 4, null));
  private final EndpointAddresses anyAddress =
      new EndpointAddresses(new WebhookProperties(true, Duration.ofSeconds(10), 4, null));

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://127.0.0.1/hook",
        "http://127.1.2.3:8080/hook",
        "http://169.254.169.254/latest/meta-data/",
        "http://10.0.0.7/hook",
        "http://172.16.4.1/hook",
        "http://192.168.1.10/hook",
        "http://100.64.0.1/hook",
        "http://0.0.0.0/hook",
        "http://[::1]/hook",
        "http://[fe80::1]/hook",
        "http://[fd00:ec2::254]/hook",
        "http://[::ffff:169.254.169.254]/hook",
        "http://224.0.0.1/hook",
        "http://localhost:8080/hook",
        "http://diwan.localhost/hook"
      })
  void anAddressInsideTheServersNetworkIsRefusedUnlessAllowed(String url) {
    assertThatThrownBy(() -> publicOnly.parse(url))
        .isInstanceOf(InvalidWebhook.class)
        .hasMessageContaining("DIWAN_WEBHOOKS_PRIVATE_ADDRESSES");
    assertThat(anyAddress.parse(url)).isEqualTo(URI.create(url));
  }

  @ParameterizedTest
  @ValueSource(strings = {"localhost", "LOCALHOST", "127.0.0.1"})
  void aHostThatResolvesInsideIsRefusedWhenItIsCalled(String host) throws Exception {
    URI uri = URI.create("http://" + host + ":9000/hook");
    assertThatThrownBy(() -> publicOnly.check(uri)).isInstanceOf(InvalidWebhook.class);
    anyAddress.check(uri);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://hooks.example.org/diwan",
        "http://93.184.216.34/hook",
        "https://[2606:4700::1111]/hook"
      })
  void aPublicHttpAddressIsTaken(String url) {
    assertThat(publicOnly.parse(url).toString()).isEqualTo(url);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ftp://hooks.example.org/",
        "gopher://hooks.example.org/",
        "javascript:alert(1)",
        "mailto:desk@example.org",
        "//hooks.example.org/",
        "https://a b/",
        "https://user:pw@hooks.example.org/",
        "https://hooks.example.org/#x",
        "https:///nohost"
      })
  void anythingButAnAbsoluteHttpUrlIsRefused(String url) {
    assertThatThrownBy(() -> anyAddress.parse(url)).isInstanceOf(InvalidWebhook.class);
  }
}

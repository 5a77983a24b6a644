package org.diwan.webhook.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SignaturesTest {

  @Test
  void aSecretIsWhsecAndTheBase64OfThirtyTwoRandomBytes() {
    String one = Signatures.newSecret();
    assertThat(one).startsWith("whsec_");
    assertThat(Base64.getDecoder().decode(one.substring(6))).hasSize(32);
    assertThat(Signatures.newSecret()).isNotEqualTo(one);
  }

  @Test
  void theSignatureMatchesTheStandardWebhooksExample() {
    // The worked example published with the Standard Webhooks specification.
    String signature =
        Signatures.sign(
            "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
            "msg_p5jXN8AQM9LWM0D4loKWxJek",
            1614265330,
            "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8));
    assertThat(signature).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
  }
}

package org.diwan.comment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CommentTokensTest {

  @Test
  void tokensCarry256BitsInUrlSafeForm() {
    String token = CommentTokens.generate();

    assertThat(token).hasSize(43).matches("[A-Za-z0-9_-]+");
    assertThat(CommentTokens.looksValid(token)).isTrue();
  }

  @Test
  void tokensDoNotRepeat() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      assertThat(seen.add(CommentTokens.generate())).isTrue();
    }
  }

  @Test
  void storedHashIsNotTheToken() {
    String token = CommentTokens.generate();

    assertThat(CommentTokens.hash(token)).hasSize(64).isNotEqualTo(token);
    assertThat(CommentTokens.hash(token)).isEqualTo(CommentTokens.hash(token));
  }

  @Test
  void rejectsMalformedTokens() {
    assertThat(CommentTokens.looksValid(null)).isFalse();
    assertThat(CommentTokens.looksValid("../../etc/passwd")).isFalse();
    assertThat(CommentTokens.looksValid("a".repeat(42))).isFalse();
  }
}

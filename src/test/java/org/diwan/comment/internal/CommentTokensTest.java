package org.diwan.comment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CommentTokensTest {

  private static final Instant ISSUED = Instant.parse("2026-11-26T15:40:00.123Z");

  @Test
  void tokensCarryTheirIssuingTimeThen256BitsInUrlSafeForm() {
    String token = CommentTokens.generate(ISSUED);

    assertThat(token).hasSize(54).matches("[A-Za-z0-9_-]+");
    assertThat(Long.parseLong(token.substring(0, 11), 16)).isEqualTo(ISSUED.toEpochMilli());
    assertThat(CommentTokens.looksValid(token)).isTrue();
  }

  @Test
  void tokensDoNotRepeatWithinOneMillisecond() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      assertThat(seen.add(CommentTokens.generate(ISSUED))).isTrue();
    }
  }

  @Test
  void keysSortInTheOrderTheTokensWereIssuedAndAfterEveryLegacyKey() {
    List<String> keys = new ArrayList<>();
    for (long ms : new long[] {0, 1, 15, 16, 255, 4096, 1_795_700_000_000L, 17_592_186_044_415L}) {
      keys.add(CommentTokens.key(CommentTokens.generate(Instant.ofEpochMilli(ms))));
    }

    assertThat(keys).isSorted();
    String highestLegacy = CommentTokens.key("_".repeat(43));
    assertThat(keys).allSatisfy(key -> assertThat(key).isGreaterThan(highestLegacy));
  }

  @Test
  void storedKeyIsTheTimeAndAHashNeverTheSecret() {
    String token = CommentTokens.generate(ISSUED);
    String key = CommentTokens.key(token);

    assertThat(key).hasSize(1 + 11 + 64).startsWith("t" + token.substring(0, 11));
    assertThat(key.substring(12)).matches("[0-9a-f]{64}").doesNotContain(token.substring(11));
    assertThat(CommentTokens.key(token)).isEqualTo(key);
    String other = token.substring(0, 53) + (token.endsWith("A") ? "B" : "A");
    assertThat(CommentTokens.key(other)).isNotEqualTo(key);
  }

  @Test
  void legacyTokensStillOpenTheirCommentByTheirPlainHash() {
    String legacy = "q".repeat(43);

    assertThat(CommentTokens.looksValid(legacy)).isTrue();
    assertThat(CommentTokens.key(legacy))
        .isEqualTo("93b00a05393f93a441c091392647c98a4e1021b4f3a67bdc6444c8b9cca30923");
  }

  @Test
  void rejectsMalformedTokens() {
    assertThat(CommentTokens.looksValid(null)).isFalse();
    assertThat(CommentTokens.looksValid("../../etc/passwd")).isFalse();
    assertThat(CommentTokens.looksValid("a".repeat(42))).isFalse();
    assertThat(CommentTokens.looksValid("a".repeat(44))).isFalse();
    // the time must be lower-case hex
    assertThat(CommentTokens.looksValid("G".repeat(11) + "a".repeat(43))).isFalse();
    assertThat(CommentTokens.looksValid("a".repeat(55))).isFalse();
  }
}

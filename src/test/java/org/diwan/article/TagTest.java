package org.diwan.article;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TagTest {

  @Test
  void slugsAreLowerCaseWithDashes() {
    assertThat(Tag.named("  Public   services "))
        .isEqualTo(new Tag("public-services", "Public services"));
  }

  @Test
  void slugsDropAccentsButKeepOtherScripts() {
    assertThat(Tag.named("Économie").slug()).isEqualTo("economie");
    assertThat(Tag.named("کشتوکاڵ").slug()).isEqualTo("کشتوکاڵ");
  }

  @Test
  void slugsCannotEscapeThePath() {
    assertThat(Tag.named("../../etc/passwd").slug()).isEqualTo("etc-passwd");
  }
}

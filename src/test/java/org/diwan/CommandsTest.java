package org.diwan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The jar's command line: what is not a command starts the site, and a usage error (a flag without
 * its value, a missing file, an unknown option) exits 2 at once instead of running with defaults.
 */
class CommandsTest {

  @Test
  void onlyTheCommandsNamesAreCommands() {
    assertThat(Commands.named("backup", "x.db")).isTrue();
    assertThat(Commands.named("screening", "train")).isTrue();
    assertThat(Commands.named("import", "wordpress", "export.xml")).isTrue();
    assertThat(Commands.named("--server.port=9000")).isFalse();
    assertThat(Commands.named()).isFalse();
  }

  @Test
  void aFlagWithoutItsValueIsAUsageError() {
    assertThat(Commands.run("screening", "evaluate", "--model")).isEqualTo(2);
    assertThat(Commands.run("screening", "train", "--data")).isEqualTo(2);
    assertThat(Commands.run("generate", "--articles")).isEqualTo(2);
    assertThat(Commands.run("backup", "--diwan.data-dir")).isEqualTo(2);
    assertThat(Commands.run("screening", "evaluate", "--stage")).isEqualTo(2);
    assertThat(Commands.run("screening", "train", "--stage", "2", "--epochs")).isEqualTo(2);
  }

  @Test
  void aMissingArgumentOrAnUnknownOptionIsAUsageError() {
    assertThat(Commands.run("restore")).isEqualTo(2);
    assertThat(Commands.run("screening")).isEqualTo(2);
    assertThat(Commands.run("screening", "train", "--rounds", "3")).isEqualTo(2);
    assertThat(Commands.run("generate", "--articles", "0")).isEqualTo(2);
  }
}

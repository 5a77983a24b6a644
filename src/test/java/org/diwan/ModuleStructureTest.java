package org.diwan;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModuleStructureTest {

  @Test
  void modulesOnlyUseEachOthersPublicApiAndHaveNoCycles() {
    ApplicationModules.of(DiwanApplication.class).verify();
  }
}

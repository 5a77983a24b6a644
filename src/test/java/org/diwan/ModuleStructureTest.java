package org.diwan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The modules use each other only through their top-level packages, depend one way only, and the
 * module diagram committed in {@code docs/modules} is the one these modules draw.
 */
class ModuleStructureTest {

  private static final ApplicationModules MODULES = ApplicationModules.of(DiwanApplication.class);

  /** Where the build writes the diagram, and where the README links to its committed copy. */
  private static final Path WRITTEN = Path.of("target/modulith-docs");

  private static final Path COMMITTED = Path.of("docs/modules");

  private static final String DIAGRAM = "components.puml";

  @Test
  void modulesOnlyUseEachOthersPublicApiAndHaveNoCycles() {
    MODULES.verify();
  }

  @Test
  void theCommittedModuleDiagramIsTheCurrentOne() throws IOException {
    new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(WRITTEN.toString()))
        .writeModulesAsPlantUml();
    String current =
        inStableOrder(Files.readString(WRITTEN.resolve(DIAGRAM), StandardCharsets.UTF_8));
    if (Boolean.getBoolean("diwan.docs.update")) {
      Files.createDirectories(COMMITTED);
      Files.writeString(COMMITTED.resolve(DIAGRAM), current, StandardCharsets.UTF_8);
    }
    assertThat(COMMITTED.resolve(DIAGRAM))
        .as(
            "docs/modules/%s is stale: run ./mvnw test -Dtest=ModuleStructureTest"
                + " -Ddiwan.docs.update=true and commit the result",
            DIAGRAM)
        .exists()
        .content(StandardCharsets.UTF_8)
        .isEqualTo(current);
  }

  /**
   * The diagram with its modules and its relations each sorted: the Documenter lists them in no
   * fixed order, and a diagram that differs only in order is the same diagram.
   */
  private static String inStableOrder(String diagram) {
    List<String> lines = new ArrayList<>(diagram.lines().toList());
    sortRuns(lines, line -> line.strip().startsWith("Component("));
    sortRuns(lines, line -> line.startsWith("Rel("));
    return String.join("\n", lines) + "\n";
  }

  private static void sortRuns(List<String> lines, Predicate<String> kind) {
    for (int start = 0; start < lines.size(); start++) {
      int end = start;
      while (end < lines.size() && kind.test(lines.get(end))) {
        end++;
      }
      if (end > start + 1) {
        Collections.sort(lines.subList(start, end));
      }
      start = end;
    }
  }
}

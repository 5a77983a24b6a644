package org.diwan;

import java.util.Set;
import org.diwan.demo.GenerateCommand;
import org.diwan.importer.ImportCommand;
import org.diwan.screening.ScreeningCommand;
import org.diwan.storage.BackupCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The jar's commands besides starting the site, each its module's own: {@code backup} and {@code
 * restore} (storage), {@code screening train|evaluate} (screening), {@code generate} (demo) and
 * {@code import wordpress|disqus} (importer). Usage errors, a flag without its value among them,
 * exit 2 with the usage; failures exit 1.
 */
@Command(name = "java -jar diwan.jar", mixinStandardHelpOptions = true)
public final class Commands {

  private static final Set<String> NAMES =
      Set.of("backup", "restore", "screening", "generate", "import");

  private Commands() {}

  /** Whether {@code args} name one of the commands rather than options for the site. */
  public static boolean named(String... args) {
    return args.length > 0 && NAMES.contains(args[0]);
  }

  /** Runs the command {@code args} name; returns the process exit code. */
  public static int run(String... args) {
    CommandLine commands =
        new CommandLine(new Commands())
            .addSubcommand(new BackupCommand.Backup())
            .addSubcommand(new BackupCommand.Restore())
            .addSubcommand(ScreeningCommand.commandLine())
            .addSubcommand(new GenerateCommand(DiwanApplication.class))
            .addSubcommand(ImportCommand.commandLine(DiwanApplication.class));
    return commands.execute(args);
  }
}

package org.diwan.importer;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.diwan.article.Language;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.dao.DataAccessException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code java -jar diwan.jar import wordpress|disqus FILE [--lang CODE]}: brings an export's
 * stories and comments into the configured database ({@code DIWAN_DATA_DIR} or {@code
 * DIWAN_DB_URL}, as for the site; the schema is migrated first), printing progress on stderr and a
 * summary at the end. Exit codes: 0 imported, 1 failed (nothing imported), 2 a usage error, 3 the
 * file was refused (nothing imported).
 */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = "Bring stories and their comments over from a WordPress or Disqus export.")
public final class ImportCommand {

  /** The exit code of a refused file. */
  public static final int REFUSED = 3;

  private ImportCommand() {}

  /** The command with its subcommands, for the site whose application class is given. */
  public static CommandLine commandLine(Class<?> application) {
    return new CommandLine(new ImportCommand())
        .addSubcommand(new WordPress(application))
        .addSubcommand(new Disqus(application));
  }

  /** {@code import wordpress FILE}. */
  @Command(
      name = "wordpress",
      mixinStandardHelpOptions = true,
      description =
          "Import a WordPress export (Tools > Export, WXR): posts and pages with their comments.")
  static final class WordPress extends FromFile {
    WordPress(Class<?> application) {
      super(application, ImportFormat.WORDPRESS);
    }
  }

  /** {@code import disqus FILE --lang CODE}. */
  @Command(
      name = "disqus",
      mixinStandardHelpOptions = true,
      description = "Import a Disqus export: threads with their posts. Needs --lang.")
  static final class Disqus extends FromFile {
    Disqus(Class<?> application) {
      super(application, ImportFormat.DISQUS);
    }
  }

  /** What both subcommands do. */
  abstract static class FromFile implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "the export")
    Path file;

    @Option(
        names = "--lang",
        paramLabel = "CODE",
        description = "the articles' language (default: the export's own, where it says)")
    String lang;

    private final Class<?> application;
    private final ImportFormat format;

    FromFile(Class<?> application, ImportFormat format) {
      this.application = application;
      this.format = format;
    }

    @Override
    public Integer call() {
      PrintWriter err = spec.commandLine().getErr();
      PrintWriter out = spec.commandLine().getOut();
      Language language = lang == null ? null : Language.of(lang).orElse(null);
      if (lang != null && language == null) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--lang must be one of " + Language.codes());
      }
      if (language == null && format == ImportFormat.DISQUS) {
        throw new CommandLine.ParameterException(
            spec.commandLine(),
            "a Disqus export does not say its language: give --lang (" + Language.codes() + ")");
      }
      if (!Files.isReadable(file) || Files.isDirectory(file)) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "there is no readable file at " + file.toAbsolutePath());
      }
      SpringApplication app = new SpringApplication(application);
      // The whole application (its security needs the web context), on a free port nobody is told
      // of, without the second screening stage's model: imported comments are not screened.
      app.setDefaultProperties(
          Map.of("diwan.demo", "false", "server.port", "0", "diwan.second-stage.threads", "0"));
      ConfigurableApplicationContext running;
      try {
        running = app.run();
      } catch (RuntimeException e) {
        err.println(
            "Diwan could not start on the configured database ("
                + rootCause(e).getMessage()
                + "); on SQLite, stop the site first. Nothing was imported.");
        return 1;
      }
      try (ConfigurableApplicationContext context = running) {
        Progress progress = new Progress(err);
        long started = System.nanoTime();
        ImportSummary done =
            context.getBean(Importer.class).importFile(format, file, language, progress::show);
        progress.end();
        out.printf(
            Locale.ROOT,
            "Imported %s in %.1f s.%n%s%n",
            file.getFileName(),
            (System.nanoTime() - started) / 1e9,
            lines(done));
        return 0;
      } catch (ImportRefused e) {
        err.println();
        err.println(e.getMessage() + " Nothing was imported.");
        return REFUSED;
      } catch (DataAccessException | UncheckedIOException e) {
        err.println();
        err.println("The import failed: " + e.getMessage() + ". Nothing was imported.");
        return 1;
      } catch (RuntimeException e) {
        // Whatever else went wrong rolled the transaction back too: say so, without a stack trace.
        err.println();
        err.println(
            "The import failed ("
                + e.getClass().getSimpleName()
                + ": "
                + e.getMessage()
                + "). Nothing was imported.");
        return 1;
      }
    }
  }

  private static Throwable rootCause(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause;
  }

  /** The summary an operator reads: articles, comments imported, skipped, left out by why. */
  static String lines(ImportSummary s) {
    return String.format(
        Locale.ROOT,
        "articles: %d imported, %d already imported%n"
            + "comments: %d imported, %d already imported%n"
            + "left out: %d spam, %d trash or deleted, %d not comments (pingbacks, trackbacks),"
            + " %d on stories not imported",
        s.articlesImported(),
        s.articlesSkipped(),
        s.commentsImported(),
        s.commentsSkipped(),
        s.leftOut(ImportSummary.LeftOut.SPAM),
        s.leftOut(ImportSummary.LeftOut.TRASH),
        s.leftOut(ImportSummary.LeftOut.NOT_A_COMMENT),
        s.leftOut(ImportSummary.LeftOut.NO_ARTICLE));
  }

  /** One line on stderr, rewritten at most once a second. */
  private static final class Progress {
    private final PrintWriter err;
    private long last;
    private boolean shown;

    Progress(PrintWriter err) {
      this.err = err;
    }

    void show(ImportSummary s) {
      long now = System.nanoTime();
      if (now - last < 1_000_000_000L) {
        return;
      }
      last = now;
      shown = true;
      long leftOut = s.commentsLeftOut().values().stream().mapToLong(Long::longValue).sum();
      err.printf(
          Locale.ROOT,
          "\rimporting: %d articles, %d comments, %d already imported, %d left out",
          s.articlesImported(),
          s.commentsImported(),
          s.commentsSkipped(),
          leftOut);
      err.flush();
    }

    void end() {
      if (shown) {
        err.println();
      }
    }
  }
}

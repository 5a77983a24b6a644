package org.diwan.demo;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.diwan.article.Articles;
import org.diwan.comment.CommentImport;
import org.diwan.demo.internal.ArchiveData;
import org.diwan.demo.internal.SampleData;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code java -jar diwan.jar generate}: fills the configured database ({@code DIWAN_DATA_DIR} or
 * {@code DIWAN_DB_URL}, as for the site; the schema is migrated first) with sample articles and
 * comments for load tests. Not for production data: it only ever adds rows.
 */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = "Add sample articles and comments for load tests.")
public final class GenerateCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Option(names = "--articles", defaultValue = "20", description = "articles (article-…)")
  private int articles;

  @Option(names = "--comments", defaultValue = "0", description = "comments over them")
  private long comments;

  @Option(
      names = "--approved-share",
      defaultValue = "0.1",
      description = "share of the comments approved; the rest wait")
  private double approvedShare;

  @Option(
      names = "--showcase",
      split = ",",
      description = "one article (showcase-N) per figure, with exactly N approved comments")
  private List<Integer> showcase = List.of();

  @Option(
      names = "--archive",
      defaultValue = "0",
      description =
          "made-up articles in all six editions (archive-…), words drawn from the demo stories:"
              + " for search benchmarks")
  private int archive;

  private final Class<?> application;

  /** The command, for the site whose application class is {@code application}. */
  public GenerateCommand(Class<?> application) {
    this.application = application;
  }

  @Override
  public Integer call() {
    SampleData.Options options;
    try {
      options = new SampleData.Options(articles, comments, approvedShare, showcase);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    SpringApplication app = new SpringApplication(application);
    // The whole application (its security needs the web context), on a free port nobody is told of.
    app.setDefaultProperties(Map.of("diwan.demo", "false", "server.port", "0"));
    try (ConfigurableApplicationContext context = app.run()) {
      long started = System.nanoTime();
      if (archive > 0) {
        new ArchiveData(
                context.getBean(Articles.class),
                context.getBean(PlatformTransactionManager.class),
                context.getBean(Clock.class))
            .write(archive);
        System.out.printf(
            Locale.ROOT,
            "generated %d archive articles in %.1f s%n",
            archive,
            (System.nanoTime() - started) / 1e9);
        started = System.nanoTime();
      }
      long written =
          new SampleData(
                  context.getBean(Articles.class),
                  context.getBean(CommentImport.class),
                  context.getBean(Clock.class))
              .write(options);
      System.out.printf(
          Locale.ROOT,
          "generated %d comments in %.1f s%n",
          written,
          (System.nanoTime() - started) / 1e9);
      return 0;
    }
  }
}

package org.diwan.site;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import javax.sql.DataSource;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The {@code generate} command: fills the configured database with realistic articles and comments
 * for load tests, in large transactions of plain batched INSERTs (no screening, no events).
 *
 * <p>{@code generate --articles N --comments M --approved-share S --showcase 0,50,500} adds {@code
 * N} articles ({@code article-1} …) with {@code M} comments spread over them, a share {@code S}
 * approved and the rest pending (each with a stored screening result, as the queue reads it), plus
 * one article per showcase figure ({@code showcase-500} …) with exactly that many approved
 * comments. Runs against the same {@code DIWAN_DATA_DIR} / {@code DIWAN_DB_URL} as the site; the
 * schema is migrated first. Not for production data: it only ever adds rows.
 */
public final class SampleData {

  private static final int BATCH = 20_000;
  private static final String[] OPENINGS = {
    "I was at the council meeting and",
    "Having lived on this street for twenty years,",
    "Thanks for the clear report;",
    "My family crosses that bridge every morning and",
    "As a teacher in the district,",
    "Reading this from abroad,",
    "The figures in the third paragraph surprised me:",
    "With respect to the minister,",
  };
  private static final String[] MIDDLES = {
    " the timetable for the works should be published well before the vote",
    " the cost breakdown deserves a closer look by independent engineers",
    " the temporary arrangements must keep the same opening hours",
    " nobody asked the shop owners what four months of closures would mean",
    " the plan is sensible but the consultation was far too short",
    " the water supply problem is older than this government",
    " the school buses need a safe route while the road is closed",
    " the new lift and ramps are long overdue for older residents",
  };
  private static final String[] ENDINGS = {
    ", and I hope the paper follows up next month.",
    ". Could you publish the full report?",
    ", otherwise people will simply stop trusting the announcements.",
    ". Still, credit where it is due for finally starting.",
    ", so let us see whether the promises are kept this time.",
  };

  private SampleData() {}

  /** Runs the command with the site's {@code application} class; returns the exit code. */
  public static int run(Class<?> application, String[] args) {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(
          "usage: generate --articles N --comments M --approved-share S [--showcase 0,50,500]");
      return 2;
    }
    SpringApplication app = new SpringApplication(application);
    // The whole application (its security needs the web context), on a free port nobody is told of.
    app.setDefaultProperties(java.util.Map.of("diwan.demo", "false", "server.port", "0"));
    try (ConfigurableApplicationContext context = app.run()) {
      long started = System.nanoTime();
      long rows = write(context.getBean(DataSource.class), options);
      System.out.printf(
          Locale.ROOT,
          "generated %d comments in %.1f s%n",
          rows,
          (System.nanoTime() - started) / 1e9);
      return 0;
    } catch (SQLException e) {
      System.err.println("generate failed: " + e.getMessage());
      return 1;
    }
  }

  /** Writes the sample rows; returns the number of comments written. */
  static long write(DataSource dataSource, Options options) throws SQLException {
    return new Writer(dataSource, options).write();
  }

  record Options(int articles, long comments, double approvedShare, List<Integer> showcase) {

    static Options parse(String[] args) {
      int articles = 20;
      long comments = 0;
      double share = 0.1;
      List<Integer> showcase = List.of();
      for (int i = 0; i + 1 < args.length; i += 2) {
        String value = args[i + 1];
        switch (args[i]) {
          case "--articles" -> articles = Integer.parseInt(value);
          case "--comments" -> comments = Long.parseLong(value);
          case "--approved-share" -> share = Double.parseDouble(value);
          case "--showcase" ->
              showcase =
                  value.isBlank()
                      ? List.of()
                      : java.util.Arrays.stream(value.split(","))
                          .map(String::strip)
                          .map(Integer::valueOf)
                          .toList();
          default -> throw new IllegalArgumentException("unknown option " + args[i]);
        }
      }
      if (args.length % 2 != 0) {
        throw new IllegalArgumentException("every option needs a value");
      }
      if (articles < 1 || comments < 0 || share < 0 || share > 1) {
        throw new IllegalArgumentException("need articles >= 1, comments >= 0, 0 <= share <= 1");
      }
      return new Options(articles, comments, share, showcase);
    }
  }

  /** Writes the rows over one connection, committing every {@link #BATCH} comments. */
  private static final class Writer {

    private final DataSource dataSource;
    private final Options options;
    private final SplittableRandom random = new SplittableRandom(20261126L);
    private final long now = System.currentTimeMillis();

    Writer(DataSource dataSource, Options options) {
      this.dataSource = dataSource;
      this.options = options;
    }

    long write() throws SQLException {
      try (Connection db = dataSource.getConnection()) {
        db.setAutoCommit(false);
        String run = Long.toString(now, 36);
        List<Long> articles = new ArrayList<>();
        for (int i = 1; i <= options.articles(); i++) {
          articles.add(article(db, "article-" + run + "-" + i, "Story " + i));
        }
        List<long[]> showcases = new ArrayList<>();
        for (int count : options.showcase()) {
          showcases.add(new long[] {article(db, "showcase-" + count, "Showcase " + count), count});
        }
        db.commit();
        long written = 0;
        for (long[] showcase : showcases) {
          written += comments(db, run + "s" + showcase[0], List.of(showcase[0]), showcase[1], 1.0);
        }
        written += comments(db, run, articles, options.comments(), options.approvedShare());
        return written;
      }
    }

    private long article(Connection db, String slug, String headline) throws SQLException {
      String body =
          "The council approved the second phase of the works on Tuesday.\n\n"
              + "> We will keep the service open throughout.\n— The mayor\n\n"
              + "## What changes\n\n"
              + String.join(" ", java.util.Collections.nCopies(40, "Residents asked questions."));
      try (PreparedStatement insert =
          db.prepareStatement(
              "INSERT INTO article (slug, headline, source, dateline, body, language,"
                  + " published_at, comments_open, published) VALUES (?, ?, ?, ?, ?, 'en', ?, ?,"
                  + " ?) RETURNING id")) {
        insert.setString(1, slug);
        insert.setString(2, headline + ": the library's second phase");
        insert.setString(3, "Diwan Newsroom");
        insert.setString(4, "ERBIL –");
        insert.setString(5, body);
        insert.setLong(6, now - 86_400_000L);
        // bound, not literal: PostgreSQL's columns are boolean, SQLite's integers
        insert.setBoolean(7, true);
        insert.setBoolean(8, true);
        try (ResultSet id = insert.executeQuery()) {
          id.next();
          return id.getLong(1);
        }
      }
    }

    private long comments(
        Connection db, String run, List<Long> articles, long count, double approvedShare)
        throws SQLException {
      String comment =
          "INSERT INTO comment (article_id, token_hash, author_name, author_email, body,"
              + " submitted_at, status, decided_at, email_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
      try (PreparedStatement c = db.prepareStatement(comment)) {
        long from = lastCommentId(db);
        for (long i = 0; i < count; i++) {
          boolean approved = random.nextDouble() < approvedShare;
          long at = now - (count - i) * 1000L;
          c.setLong(1, articles.get(random.nextInt(articles.size())));
          c.setString(2, "generated-" + run + "-" + i);
          int reader = random.nextInt(50_000);
          c.setString(3, "Reader " + reader);
          c.setString(4, "reader" + reader + "@example.org");
          c.setString(9, "reader" + reader + "@example.org"); // already its own key
          c.setString(5, text(i));
          c.setLong(6, at);
          c.setString(7, approved ? "APPROVED" : "PENDING");
          if (approved) {
            c.setLong(8, at + 60_000L);
          } else {
            c.setNull(8, java.sql.Types.BIGINT);
          }
          c.addBatch();
          if ((i + 1) % BATCH == 0 || i + 1 == count) {
            c.executeBatch();
            from = screeningAndDecisions(db, from);
            db.commit();
          }
        }
      }
      return count;
    }

    /** Screening rows for the comments after {@code from}, and decisions for approved ones. */
    private static long screeningAndDecisions(Connection db, long from) throws SQLException {
      try (PreparedStatement screening =
              db.prepareStatement(
                  "INSERT INTO comment_screening (comment_id, version, language, risk, scores)"
                      + " SELECT id, 'generated', 'en', (id * 7919 % 1000) / 1000.0,"
                      + " 'OFF_TOPIC=' || (id * 7919 % 1000) / 1000.0 FROM comment WHERE id > ?");
          PreparedStatement decisions =
              db.prepareStatement(
                  "INSERT INTO moderation_decision (comment_id, action, actor, decided_at)"
                      + " SELECT id, 'APPROVE', 'generator', decided_at FROM comment"
                      + " WHERE id > ? AND status = 'APPROVED'")) {
        screening.setLong(1, from);
        screening.executeUpdate();
        decisions.setLong(1, from);
        decisions.executeUpdate();
      }
      return lastCommentId(db);
    }

    private static long lastCommentId(Connection db) throws SQLException {
      try (PreparedStatement max = db.prepareStatement("SELECT COALESCE(MAX(id), 0) FROM comment");
          ResultSet id = max.executeQuery()) {
        id.next();
        return id.getLong(1);
      }
    }

    private String text(long i) {
      return OPENINGS[random.nextInt(OPENINGS.length)]
          + MIDDLES[random.nextInt(MIDDLES.length)]
          + ENDINGS[random.nextInt(ENDINGS.length)]
          + " (#"
          + i
          + ")";
    }
  }
}

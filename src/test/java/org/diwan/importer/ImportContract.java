package org.diwan.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.diwan.article.Article;
import org.diwan.article.Articles;
import org.diwan.article.Language;
import org.diwan.comment.CommentQueue;
import org.diwan.comment.CommentStatus;
import org.diwan.comment.QueueQuery;
import org.diwan.comment.QueuedComment;
import org.diwan.importer.ImportSummary.LeftOut;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Importing exports, run against each database the site supports: the WordPress export was made by
 * a real WordPress (see {@code src/test/resources/import/README.md}), the Disqus one follows
 * Disqus's export schema.
 */
abstract class ImportContract {

  static final Path WORDPRESS = resource("wordpress-export.xml");
  static final Path DISQUS = resource("disqus-export.xml");

  @Autowired Importer importer;
  @Autowired Articles articles;
  @Autowired CommentQueue queue;
  @Autowired JdbcClient jdbc;
  @LocalServerPort int port;
  @TempDir Path dir;

  @Test
  void wordPressImportCountsWhatItBroughtInAndWhatItLeftOut() throws IOException {
    // A copy as if from another site, so that this context's other imports do not count.
    Path other =
        write(
            Files.readString(WORDPRESS, StandardCharsets.UTF_8)
                .replace("http://127.0.0.1:8081</wp:base_blog_url>", "http://other.example/<")
                .replace("http://other.example/<", "http://other.example</wp:base_blog_url>")
                .replace("<wp:post_name><![CDATA[", "<wp:post_name><![CDATA[other-"));

    ImportSummary done = wordpress(other);

    // Two posts, the post the site was set up with, and its draft Privacy Policy page.
    assertThat(done.articlesImported()).isEqualTo(4);
    assertThat(done.articlesSkipped()).isZero();
    assertThat(done.commentsImported()).isEqualTo(5);
    assertThat(done.commentsSkipped()).isZero();
    // WordPress's exporter leaves spam out of the file; the trashed comment is there.
    assertThat(done.commentsLeftOut()).isEqualTo(Map.of(LeftOut.TRASH, 1L));
  }

  @Test
  void wordPressPostsBecomeArticlesAndApprovedCommentsAppearOnTheirPage() throws Exception {
    wordpressImported();

    Article bridge = articles.get("bridge-repairs");
    assertThat(bridge.headline()).isEqualTo("Bridge repairs: council & residents agree");
    assertThat(bridge.language()).isEqualTo("en");
    assertThat(bridge.publishedAt()).isEqualTo(Instant.parse("2026-11-02T09:00:00Z"));
    assertThat(bridge.body())
        .isEqualTo(
            "The council voted on Tuesday to repair the old bridge.\n\n"
                + "Work starts in March & ends in June.");
    assertThat(articles.get("new-market").headline()).isEqualTo("بازاڕی نوێی هەولێر");
    // The reply is shown flat, as every Diwan comment is.
    assertThat(get("/articles/bridge-repairs"))
        .contains("About time. The detour adds twenty minutes each way.")
        .contains("Agreed, and the night buses should keep running.")
        .doesNotContain("footpath")
        .doesNotContain("Posted twice by mistake")
        .doesNotContain("example.org");
    assertThat(get("/articles/new-market")).contains("زۆر باشە، چاوەڕێی دەکەین.");
  }

  @Test
  void wordPressCommentsKeepTheirDateNameEmailAndTextAsWritten() {
    wordpressImported();
    long bridge = articles.get("bridge-repairs").id();

    Map<String, Object> lena =
        jdbc.sql(
                "SELECT author_email, body, submitted_at, status FROM comment"
                    + " WHERE author_name = 'Lena' AND article_id = ?")
            .param(bridge)
            .query()
            .singleRow();
    assertThat(lena.get("body"))
        .isEqualTo("Will the footpath stay open? Costs &amp; dates &lt;please&gt;.");
    assertThat(((Number) lena.get("submitted_at")).longValue())
        .isEqualTo(Instant.parse("2026-11-02T12:00:00Z").toEpochMilli());
    assertThat(lena.get("status")).isEqualTo("PENDING");
    assertThat(lena.get("author_email")).isEqualTo("lena@example.org");
    assertThat(
            jdbc.sql(
                    "SELECT email_key FROM comment WHERE author_name = 'Hana Aziz'"
                        + " AND article_id = ?")
                .param(bridge)
                .query(String.class)
                .single())
        .isEqualTo("hana.aziz@example.org");
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM moderation_decision d JOIN comment c ON c.id ="
                        + " d.comment_id WHERE c.article_id = ? AND d.actor = 'wordpress import'"
                        + " AND d.action = 'APPROVE'")
                .param(bridge)
                .query(Long.class)
                .single())
        .isEqualTo(2);
  }

  @Test
  void pendingWordPressCommentsWaitInTheModerationQueue() {
    wordpressImported();

    assertThat(pending("bridge-repairs"))
        .extracting(QueuedComment::name, QueuedComment::email)
        .containsExactly(tuple("Lena", "lena@example.org"));
    assertThat(pending("new-market")).extracting(QueuedComment::name).containsExactly("Rêzan");
  }

  @Test
  void importingTheSameExportAgainBringsNothingInTwice() {
    wordpressImported();
    long comments = count("comment");
    long articleRows = count("article");

    ImportSummary again = wordpress(WORDPRESS);

    assertThat(again.articlesImported()).isZero();
    assertThat(again.articlesSkipped()).isEqualTo(4);
    assertThat(again.commentsImported()).isZero();
    assertThat(again.commentsSkipped()).isEqualTo(5);
    assertThat(again.leftOut(LeftOut.TRASH)).isEqualTo(1);
    assertThat(count("comment")).isEqualTo(comments);
    assertThat(count("article")).isEqualTo(articleRows);
  }

  @Test
  void disqusImportCountsWhatItBroughtInAndWhatItLeftOut() throws IOException {
    Path other =
        write(
            Files.readString(DISQUS, StandardCharsets.UTF_8)
                .replace("erbil-daily", "other-forum")
                .replace("/2026/11/", "/other/"));

    ImportSummary done = disqus(other);

    // Thread 7003 has no posts and 7002 was deleted: only 7001 becomes an article.
    assertThat(done.articlesImported()).isEqualTo(1);
    assertThat(done.commentsImported()).isEqualTo(3);
    assertThat(done.commentsLeftOut())
        .isEqualTo(Map.of(LeftOut.SPAM, 1L, LeftOut.TRASH, 1L, LeftOut.NO_ARTICLE, 1L));
  }

  @Test
  void disqusPostsLandByStatusWithTheirTextUnchanged() throws Exception {
    disqusImported();

    Article water = articles.get("water-prices");
    assertThat(water.headline()).isEqualTo("Water prices rise in the new year");
    assertThat(water.language()).isEqualTo("ckb");
    assertThat(get("/articles/water-prices"))
        .contains("&lt;p&gt;Our bill doubled &amp; nobody explained why.&lt;/p&gt;")
        .contains("نرخی ئاو زۆر بەرزە.")
        .doesNotContain("same for shops")
        .doesNotContain("Cheap watches")
        .doesNotContain("wrong article");
    assertThat(pending("water-prices")).extracting(QueuedComment::name).containsExactly("Nasrin");
    assertThat(
            jdbc.sql("SELECT body FROM comment WHERE author_name = 'Shilan' AND article_id = ?")
                .param(water.id())
                .query(String.class)
                .single())
        .isEqualTo("<p>Our bill doubled & nobody explained why.</p>");
  }

  @Test
  void disqusImportRunAgainBringsNothingInTwice() {
    disqusImported();
    long comments = count("comment");

    ImportSummary again = disqus(DISQUS);

    assertThat(again.articlesImported()).isZero();
    assertThat(again.articlesSkipped()).isEqualTo(1);
    assertThat(again.commentsImported()).isZero();
    assertThat(again.commentsSkipped()).isEqualTo(3);
    assertThat(count("comment")).isEqualTo(comments);
  }

  @Test
  void truncatedExportIsRefusedAndNothingOfItIsImported() throws IOException {
    String whole =
        Files.readString(WORDPRESS, StandardCharsets.UTF_8)
            .replace(
                "http://127.0.0.1:8081</wp:base_blog_url>",
                "http://cut.example</wp:base_blog_url>");
    // Cut inside the last post, after the first posts were read (and stored) in full.
    Path cut = write(whole.substring(0, whole.indexOf("<wp:comment_id>8</wp:comment_id>")));
    Counts before = counts();

    assertThatThrownBy(() -> wordpress(cut))
        .isInstanceOf(ImportRefused.class)
        .hasMessageContaining("not well-formed XML")
        .hasMessageContaining("is the file complete?");
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void billionLaughsIsRefusedBeforeAnythingIsExpanded() throws IOException {
    StringBuilder dtd = new StringBuilder("<!DOCTYPE rss [\n<!ENTITY lol0 \"lol\">\n");
    for (int i = 1; i < 10; i++) {
      String ref = "&lol" + (i - 1) + ";";
      dtd.append("<!ENTITY lol").append(i).append(" \"").append(ref.repeat(10)).append("\">\n");
    }
    dtd.append("]>\n");
    Path laughs =
        write(
            "<?xml version=\"1.0\"?>\n"
                + dtd
                + "<rss><channel><language>en</language><item><title>&lol9;</title>"
                + "<wp:post_id xmlns:wp=\"http://wordpress.org/export/1.2/\">1</wp:post_id>"
                + "</item></channel></rss>");
    Counts before = counts();

    assertThatThrownBy(() -> wordpress(laughs))
        .isInstanceOf(ImportRefused.class)
        .hasMessageContaining("declares a DTD");
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void externalEntityIsRefusedAndNoFileIsRead() throws IOException {
    Path secret = write("the secret");
    Path xxe =
        write(
            "<?xml version=\"1.0\"?>\n<!DOCTYPE disqus [<!ENTITY xxe SYSTEM \""
                + secret.toUri()
                + "\">]>\n<disqus xmlns=\"http://disqus.com\""
                + " xmlns:dsq=\"http://disqus.com/disqus-internals\">"
                + "<thread dsq:id=\"1\"><title>&xxe;</title><link>https://x.example/a/</link>"
                + "</thread><post dsq:id=\"2\"><message>&xxe;</message>"
                + "<createdAt>2026-01-01T00:00:00Z</createdAt><thread dsq:id=\"1\"/></post>"
                + "</disqus>");
    Counts before = counts();

    assertThatThrownBy(() -> disqus(xxe))
        .isInstanceOf(ImportRefused.class)
        .hasMessageContaining("declares a DTD");
    assertThat(counts()).isEqualTo(before);
    assertThat(
            jdbc.sql("SELECT count(*) FROM comment WHERE body LIKE '%secret%'")
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void aFileOfAnotherFormatIsRefused() {
    Counts before = counts();

    assertThatThrownBy(() -> wordpress(DISQUS))
        .isInstanceOf(ImportRefused.class)
        .hasMessageContaining("not a WordPress export");
    assertThatThrownBy(() -> disqus(WORDPRESS))
        .isInstanceOf(ImportRefused.class)
        .hasMessageContaining("not a Disqus export");
    assertThat(counts()).isEqualTo(before);
  }

  /** The WordPress fixture imported, once for this database whichever test asks first. */
  private void wordpressImported() {
    if (!articles.find("bridge-repairs").isPresent()) {
      wordpress(WORDPRESS);
    }
  }

  private void disqusImported() {
    if (!articles.find("water-prices").isPresent()) {
      disqus(DISQUS);
    }
  }

  record Counts(long articles, long comments, long sourceIds) {}

  private Counts counts() {
    return new Counts(count("article"), count("comment"), count("import_source"));
  }

  private ImportSummary wordpress(Path file) {
    return importer.importFile(ImportFormat.WORDPRESS, file, null, progress -> {});
  }

  private ImportSummary disqus(Path file) {
    return importer.importFile(ImportFormat.DISQUS, file, Language.CKB, progress -> {});
  }

  private List<QueuedComment> pending(String slug) {
    return queue.find(new QueueQuery(CommentStatus.PENDING, slug, null, 0, 50));
  }

  private long count(String table) {
    return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
  }

  private Path write(String text) throws IOException {
    Path file = Files.createTempFile(dir, "export-", ".xml");
    return Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private String get(String path) throws IOException, InterruptedException {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    return response.body();
  }

  private static Path resource(String name) {
    try {
      return Path.of(ImportContract.class.getResource("/import/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}

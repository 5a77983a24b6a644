package org.diwan.importer.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.diwan.importer.ImportRefused;
import org.diwan.importer.internal.ImportSink.SourceComment;
import org.diwan.importer.internal.ImportSink.Status;
import org.diwan.importer.internal.ImportSink.Story;
import org.junit.jupiter.api.Test;

/** Reading WXR: what each post and comment becomes, and the files that are refused. */
class WordPressExportTest {

  private final List<Story> stories = new ArrayList<>();
  private final List<SourceComment> comments = new ArrayList<>();
  private final List<String> origins = new ArrayList<>();

  @Test
  void pingbacksAreNotCommentsAndUnknownApprovalsWaitForAModerator() {
    read(
        item(
            "publish",
            "post",
            comment("1", "1", "pingback")
                + comment("2", "something-new", "")
                + comment("3", "1", "")));

    assertThat(comments)
        .extracting(SourceComment::sourceId, SourceComment::status)
        .containsExactly(
            tuple("1", Status.NOT_A_COMMENT),
            tuple("2", Status.PENDING),
            tuple("3", Status.APPROVED));
    assertThat(origins).containsExactly("http://site.example");
  }

  @Test
  void draftsBecomeDraftsAndTrashedPostsAndAttachmentsAreLeftOut() {
    read(item("draft", "post", "") + item("trash", "post", "") + item("inherit", "attachment", ""));

    assertThat(stories).hasSize(1);
    assertThat(stories.get(0).published()).isFalse();
    // A draft has no GMT date: its local date is taken, as UTC.
    assertThat(stories.get(0).publishedAt()).isEqualTo(Instant.parse("2026-11-02T09:00:00Z"));
  }

  @Test
  void aPercentEncodedSlugIsDecodedAndAStrayPercentSignKeptAsWritten() {
    read(
        item("publish", "post", "")
                .replace(
                    "</wp:post_type>",
                    "</wp:post_type><wp:post_name>%d8%b3%d9%88%d9%82</wp:post_name>")
            + item("future", "post", "")
                .replace(
                    "</wp:post_type>", "</wp:post_type><wp:post_name>100%-sure</wp:post_name>"));

    assertThat(stories).extracting(Story::slug).containsExactly("سوق", "100%-sure");
  }

  @Test
  void aTextLongerThanAnyRealOneIsRefusedRatherThanHeldInMemory() {
    String huge = "x".repeat(XmlRecords.MAX_TEXT + 1);

    assertThatThrownBy(() -> read(item("publish", "post", comment("1", "1", "", huge))))
        .isInstanceOf(ImportRefused.class)
        .hasMessageContaining("a text of more than 4000000 characters");
  }

  @Test
  void anEntityReferenceWithoutADtdIsRefusedAsMalformed() {
    assertThatThrownBy(() -> read("<item><title>&nbsp;</title><wp:post_id>1</wp:post_id></item>"))
        .isInstanceOf(ImportRefused.class)
        .hasMessageContaining("Refused at line");
  }

  private void read(String items) {
    String xml =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\""
            + " xmlns:wp=\"http://wordpress.org/export/1.2/\"><channel>"
            + "<language>en-US</language><wp:base_blog_url>http://site.example</wp:base_blog_url>\n"
            + items
            + "</channel></rss>";
    WordPressExport.read(
        new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)),
        new ImportSink() {
          @Override
          public void origin(String origin) {
            origins.add(origin);
          }

          @Override
          public void language(String tag) {}

          @Override
          public void story(Story story) {
            stories.add(story);
          }

          @Override
          public void comment(SourceComment comment) {
            comments.add(comment);
          }
        });
  }

  private static String item(String status, String type, String comments) {
    return "<item><title>T</title><wp:post_id>"
        + (status + type).hashCode()
        + "</wp:post_id><wp:post_date>2026-11-02 09:00:00</wp:post_date>"
        + "<wp:post_date_gmt>0000-00-00 00:00:00</wp:post_date_gmt><wp:status>"
        + status
        + "</wp:status><wp:post_type>"
        + type
        + "</wp:post_type>"
        + comments
        + "</item>\n";
  }

  private static String comment(String id, String approved, String type) {
    return comment(id, approved, type, "Text " + id);
  }

  private static String comment(String id, String approved, String type, String text) {
    return "<wp:comment><wp:comment_id>"
        + id
        + "</wp:comment_id><wp:comment_date_gmt>2026-11-02 10:00:00</wp:comment_date_gmt>"
        + "<wp:comment_content><![CDATA["
        + text
        + "]]></wp:comment_content><wp:comment_approved>"
        + approved
        + "</wp:comment_approved><wp:comment_type>"
        + type
        + "</wp:comment_type></wp:comment>";
  }
}

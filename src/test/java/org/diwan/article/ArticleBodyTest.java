package org.diwan.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.diwan.article.ArticleBody.Block;
import org.diwan.article.ArticleBody.Paragraph;
import org.diwan.article.ArticleBody.PullQuote;
import org.diwan.article.ArticleBody.Subheading;
import org.junit.jupiter.api.Test;

class ArticleBodyTest {

  @Test
  void splitsParagraphsQuotesAndSubheadings() {
    List<Block> blocks = ArticleBody.parse(ArticleFixtures.BODY);

    assertThat(blocks)
        .containsExactly(
            new Paragraph(
                "Council members voted on Monday to extend the opening hours of the city's"
                    + " libraries."),
            new PullQuote(
                "Reading rooms should be open when people finish work.", "a council member"),
            new Subheading("What changes"),
            new Paragraph("Libraries will stay open until nine in the evening from next month."));
  }

  @Test
  void joinsWrappedLinesOfAParagraph() {
    assertThat(ArticleBody.parse("one\ntwo\r\n\r\nthree"))
        .containsExactly(new Paragraph("one two"), new Paragraph("three"));
  }

  @Test
  void keepsMarkupCharactersAsText() {
    assertThat(ArticleBody.parse("<b>not bold</b> & <script>"))
        .containsExactly(new Paragraph("<b>not bold</b> & <script>"));
  }

  @Test
  void quoteWithoutAttributionHasEmptyAttribution() {
    assertThat(ArticleBody.parse("> Just words")).containsExactly(new PullQuote("Just words", ""));
  }

  @Test
  void emptyBodyHasNoBlocks() {
    assertThat(ArticleBody.parse(null)).isEmpty();
    assertThat(ArticleBody.parse("\n\n  \n")).isEmpty();
  }
}

package org.diwan.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Every field of an article is cleaned of what a reader cannot see and a feed cannot carry. */
class ArticleEditTest {

  private static final String INVISIBLE = "\u0001\u000B\u0007\u202E\uFFFF\uFDD0";

  @Test
  void controlCharactersAndNoncharactersLeaveEveryFieldButTheBodyKeepsItsLines() {
    ArticleEdit edit =
        new ArticleEdit(
                "Head" + INVISIBLE + "line",
                "Wire" + INVISIBLE,
                "ERBIL" + INVISIBLE + " –",
                "First" + INVISIBLE + " paragraph,\r\nsecond line\twith a tab.\n\nNext",
                List.of("Ro" + INVISIBLE + "ads"),
                "en")
            .checked();

    for (String field :
        List.of(edit.headline(), edit.source(), edit.dateline(), edit.body(), edit.tags().get(0))) {
      assertThat(field).doesNotContainPattern("[\\p{Cc}&&[^\\n\\t]]|[\\u202E\\uFFFF\\uFDD0]");
    }
    assertThat(edit.body()).isEqualTo("First paragraph,\nsecond line\twith a tab.\n\nNext");
  }

  @Test
  void aLoneSurrogateIsRefusedNotStoredAsAQuestionMark() {
    InvalidArticle refused =
        catchThrowableOfType(
            InvalidArticle.class,
            () ->
                new ArticleEdit("Headline", "Wire", "", "Broken \uD800 pair", List.of(), "en")
                    .checked());

    assertThat(refused).isNotNull();
    assertThat(refused.fieldErrors()).containsKey("body");
  }
}

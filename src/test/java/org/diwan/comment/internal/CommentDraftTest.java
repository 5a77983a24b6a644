package org.diwan.comment.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.diwan.comment.InvalidComment;
import org.diwan.comment.SubmitComment;
import org.junit.jupiter.api.Test;

class CommentDraftTest {

  private static InvalidComment invalid(SubmitComment submission) {
    try {
      CommentDraft.of(submission);
    } catch (InvalidComment e) {
      return e;
    }
    throw new AssertionError("Expected the submission to be refused: " + submission);
  }

  @Test
  void acceptsOrdinaryCommentAsWritten() {
    CommentDraft draft =
        CommentDraft.of(
            new SubmitComment("a", "  Shirin  ", "s@example.org", "Good piece.\nThanks"));

    assertThat(draft.name()).isEqualTo("Shirin");
    assertThat(draft.text()).isEqualTo("Good piece.\nThanks");
  }

  @Test
  void namesEveryMissingField() {
    InvalidComment e = invalid(new SubmitComment("a", " ", null, "\n\t "));

    assertThat(e.fieldErrors()).containsOnlyKeys("name", "email", "text");
    assertThat(e.getStatusCode().value()).isEqualTo(400);
  }

  @Test
  void aTextOfOnlyInvisibleCharactersIsRefusedButOneEmojiOrLetterIsEnough() {
    assertThat(
            invalid(new SubmitComment("a", "N", "n@example.org", "\u200b\u2060\u00ad\u2800\u3164"))
                .fieldErrors())
        .containsOnlyKeys("text");
    for (String shown : new String[] {"👍", "ب", "\u200cه"}) {
      assertThat(CommentDraft.of(new SubmitComment("a", "N", "n@example.org", shown)).text())
          .isEqualTo(shown);
    }
  }

  @Test
  void refusesMalformedEmail() {
    for (String email : new String[] {"no-at-sign", "two@@example.org", "a@b", "a b@example.org"}) {
      assertThat(invalid(new SubmitComment("a", "N", email, "T")).fieldErrors())
          .as(email)
          .containsOnlyKeys("email");
    }
  }

  @Test
  void countsLimitsInCharactersNotUtf16Units() {
    String emoji = "😀".repeat(CommentDraft.MAX_TEXT);
    assertThat(CommentDraft.of(new SubmitComment("a", "N", "n@example.org", emoji)).text())
        .isEqualTo(emoji);

    InvalidComment e =
        invalid(
            new SubmitComment("a", "N", "n@example.org", "x".repeat(CommentDraft.MAX_TEXT + 1)));
    assertThat(e.fieldErrors().get("text")).contains("5,000").contains("5,001");
  }

  @Test
  void refusesNameOverLimit() {
    assertThat(invalid(new SubmitComment("a", "n".repeat(81), "n@example.org", "T")).fieldErrors())
        .containsOnlyKeys("name");
  }

  @Test
  void stripsBidiOverridesAndControlCharactersButKeepsZeroWidthNonJoiner() {
    CommentDraft draft =
        CommentDraft.of(
            new SubmitComment(
                "a", "Ev\u202Eil", "n@example.org", "می\u200Cخواهم\u2066 ok\u2069\r\nline\u0000"));

    assertThat(draft.name()).isEqualTo("Evil");
    assertThat(draft.text()).isEqualTo("می\u200Cخواهم ok\nline");
  }

  @Test
  void refusesLineBreaksAndOtherControlsInNameAndEmailSoNoneCanReachAMailHeader() {
    assertThat(
            invalid(new SubmitComment("a", "Eve\r\nBcc: x@evil.test", "n@example.org", "Hi"))
                .fieldErrors())
        .containsOnlyKeys("name");
    assertThat(
            invalid(new SubmitComment("a", "Eve", "n@example.org\r\nBcc: x@evil.test", "Hi"))
                .fieldErrors())
        .containsOnlyKeys("email");
    assertThat(invalid(new SubmitComment("a", "Eve\u0007", "n@example.org", "Hi")).fieldErrors())
        .containsOnlyKeys("name");
    assertThat(invalid(new SubmitComment("a", "Eve", "n@example.org\n", "Hi")).fieldErrors())
        .containsOnlyKeys("email");
  }

  @Test
  void refusesLoneSurrogates() {
    assertThat(
            invalid(new SubmitComment("a", "N", "n@example.org", "bad \uD800 text")).fieldErrors())
        .containsOnlyKeys("text");
  }

  @Test
  void keepsHtmlAsText() {
    String html = "<script>alert(1)</script> & <b>bold</b>";
    assertThat(CommentDraft.of(new SubmitComment("a", "N", "n@example.org", html)).text())
        .isEqualTo(html);
  }

  @Test
  void refusedSubmissionCarriesProblemNamingFields() {
    assertThatThrownBy(() -> CommentDraft.of(new SubmitComment("a", "", "x@example.org", "T")))
        .isInstanceOfSatisfying(
            InvalidComment.class,
            e -> assertThat(e.getBody().getProperties()).containsKey("errors"));
  }
}

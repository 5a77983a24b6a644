package org.diwan.comment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Set;
import org.diwan.guideline.GuidelineCode;
import org.junit.jupiter.api.Test;

class CommentTest {

  private static final Instant SUBMITTED = Instant.parse("2026-11-20T10:00:00Z");
  private static final Instant DECIDED = Instant.parse("2026-11-20T10:05:00Z");

  private static Comment pending() {
    return new Comment(
        7,
        3,
        "Shirin",
        "shirin@example.org",
        "Text",
        SUBMITTED,
        CommentStatus.PENDING,
        null,
        Set.of(),
        null);
  }

  @Test
  void approvingPendingCommentRecordsTimeAndKeepsText() {
    Comment approved = pending().approve(DECIDED);

    assertThat(approved.status()).isEqualTo(CommentStatus.APPROVED);
    assertThat(approved.decidedAt()).isEqualTo(DECIDED);
    assertThat(approved.text()).isEqualTo("Text");
    assertThat(approved.codes()).isEmpty();
  }

  @Test
  void rejectingPendingCommentKeepsCodesAndNote() {
    Comment rejected =
        pending()
            .reject(
                Set.of(GuidelineCode.PROMOTION, GuidelineCode.OFF_TOPIC), "Link removed", DECIDED);

    assertThat(rejected.status()).isEqualTo(CommentStatus.REJECTED);
    assertThat(rejected.codes())
        .containsExactlyInAnyOrder(GuidelineCode.PROMOTION, GuidelineCode.OFF_TOPIC);
    assertThat(rejected.note()).isEqualTo("Link removed");
  }

  @Test
  void rejectsRejectionWithoutGuideline() {
    assertThatThrownBy(() -> pending().reject(Set.of(), null, DECIDED))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rejectsDecisionOnAlreadyApprovedComment() {
    Comment approved = pending().approve(DECIDED);

    assertThatThrownBy(() -> approved.reject(Set.of(GuidelineCode.THREAT), null, DECIDED))
        .isInstanceOf(CommentAlreadyDecided.class)
        .hasMessageContaining("already approved");
    assertThatThrownBy(() -> approved.approve(DECIDED))
        .isInstanceOfSatisfying(
            CommentAlreadyDecided.class,
            e -> assertThat(e.found()).isEqualTo(CommentStatus.APPROVED));
  }

  @Test
  void rejectsApprovalOfRejectedComment() {
    Comment rejected = pending().reject(Set.of(GuidelineCode.ABUSE), null, DECIDED);

    assertThatThrownBy(() -> rejected.approve(DECIDED))
        .isInstanceOf(CommentAlreadyDecided.class)
        .hasMessageContaining("already rejected");
  }
}

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
        null,
        null,
        false);
  }

  @Test
  void approvingPendingCommentRecordsTimeAndKeepsText() {
    Comment approved = pending().approve(DECIDED, false);

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
                Set.of(GuidelineCode.PROMOTION, GuidelineCode.OFF_TOPIC),
                "Link removed",
                DECIDED,
                false);

    assertThat(rejected.status()).isEqualTo(CommentStatus.REJECTED);
    assertThat(rejected.codes())
        .containsExactlyInAnyOrder(GuidelineCode.PROMOTION, GuidelineCode.OFF_TOPIC);
    assertThat(rejected.note()).isEqualTo("Link removed");
  }

  @Test
  void rejectsRejectionWithoutGuideline() {
    assertThatThrownBy(() -> pending().reject(Set.of(), null, DECIDED, false))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rejectsDecisionOnAlreadyApprovedComment() {
    Comment approved = pending().approve(DECIDED, false);

    assertThatThrownBy(() -> approved.reject(Set.of(GuidelineCode.THREAT), null, DECIDED, false))
        .isInstanceOf(CommentAlreadyDecided.class)
        .hasMessageContaining("already approved");
    assertThatThrownBy(() -> approved.approve(DECIDED, false))
        .isInstanceOfSatisfying(
            CommentAlreadyDecided.class,
            e -> assertThat(e.found()).isEqualTo(CommentStatus.APPROVED));
  }

  @Test
  void rejectsApprovalOfRejectedComment() {
    Comment rejected = pending().reject(Set.of(GuidelineCode.ABUSE), null, DECIDED, false);

    assertThatThrownBy(() -> rejected.approve(DECIDED, false))
        .isInstanceOf(CommentAlreadyDecided.class)
        .hasMessageContaining("already rejected");
  }

  private static final Instant REMOVED = Instant.parse("2026-11-21T08:00:00Z");

  @Test
  void removingPublishedCommentKeepsTextAndApprovalTimeAndRecordsWhyAndWhen() {
    Comment removed =
        pending()
            .approve(DECIDED, false)
            .remove(Set.of(GuidelineCode.THREAT), "Reported by readers", REMOVED);

    assertThat(removed.status()).isEqualTo(CommentStatus.REMOVED);
    assertThat(removed.text()).isEqualTo("Text");
    assertThat(removed.decidedAt()).isEqualTo(DECIDED);
    assertThat(removed.removedAt()).isEqualTo(REMOVED);
    assertThat(removed.codes()).containsExactly(GuidelineCode.THREAT);
    assertThat(removed.note()).isEqualTo("Reported by readers");
  }

  @Test
  void refusesToRemoveAnythingButAPublishedComment() {
    Comment rejected = pending().reject(Set.of(GuidelineCode.ABUSE), null, DECIDED, false);
    Comment removed =
        pending().approve(DECIDED, false).remove(Set.of(GuidelineCode.ABUSE), null, REMOVED);

    for (Comment notPublished : new Comment[] {pending(), rejected, removed}) {
      assertThatThrownBy(() -> notPublished.remove(Set.of(GuidelineCode.THREAT), null, REMOVED))
          .isInstanceOfSatisfying(
              CommentNotPublished.class,
              e -> assertThat(e.found()).isEqualTo(notPublished.status()))
          .hasMessageContaining("not published");
    }
  }

  @Test
  void refusesTakeDownWithoutGuideline() {
    Comment approved = pending().approve(DECIDED, false);

    assertThatThrownBy(() -> approved.remove(Set.of(), "no reason", REMOVED))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void recordsWhetherAPolicyDecided() {
    assertThat(pending().approve(DECIDED, true).decidedAutomatically()).isTrue();
    assertThat(
            pending()
                .reject(Set.of(GuidelineCode.PROMOTION), null, DECIDED, true)
                .decidedAutomatically())
        .isTrue();
    assertThat(pending().approve(DECIDED, false).decidedAutomatically()).isFalse();
  }
}

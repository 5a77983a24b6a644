package org.diwan.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.diwan.comment.CommentSubmitted;
import org.diwan.guideline.GuidelineCode;
import org.diwan.moderation.DecisionRecorded;
import org.diwan.moderation.ModerationDecision;
import org.diwan.site.Meters;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Counts comments submitted (by the language screening found) and decisions (by action, guideline
 * code and whether a policy made them), once each has committed. Each counter is made once and
 * kept, so counting an event is a map lookup and an add. Thread-safe.
 */
@Component
class CommentCounters {

  /** Screening's language tags; anything else is counted as {@code und}, to bound the series. */
  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");

  private final MeterRegistry meters;
  private final Map<String, Counter> submitted = new ConcurrentHashMap<>();
  private final Map<String, Counter> decided = new ConcurrentHashMap<>();

  CommentCounters(MeterRegistry meters) {
    this.meters = meters;
  }

  @TransactionalEventListener(fallbackExecution = true)
  void on(CommentSubmitted event) {
    String language = event.screening() == null ? null : event.screening().language();
    String tag = language != null && LANGUAGE.matcher(language).matches() ? language : "und";
    submitted
        .computeIfAbsent(
            tag,
            t ->
                Counter.builder(Meters.COMMENTS_SUBMITTED)
                    .description("Comments stored for moderation")
                    .tag(Meters.LANGUAGE, t)
                    .register(meters))
        .increment();
  }

  @TransactionalEventListener(fallbackExecution = true)
  void on(DecisionRecorded event) {
    ModerationDecision decision = event.decision();
    String action = decision.action().name().toLowerCase(Locale.ROOT);
    String automatic = String.valueOf(decision.automatic());
    decided
        .computeIfAbsent(
            action + ' ' + automatic,
            k ->
                Counter.builder(Meters.COMMENTS_DECIDED)
                    .description("Moderation decisions")
                    .tag(Meters.ACTION, action)
                    .tag(Meters.AUTOMATIC, automatic)
                    .register(meters))
        .increment();
    for (GuidelineCode code : decision.codes()) {
      decided
          .computeIfAbsent(
              action + ' ' + automatic + ' ' + code.name(),
              k ->
                  Counter.builder(Meters.DECISION_CODES)
                      .description("Guideline codes named by rejections and take-downs")
                      .tag(Meters.ACTION, action)
                      .tag(Meters.CODE, code.name())
                      .tag(Meters.AUTOMATIC, automatic)
                      .register(meters))
          .increment();
    }
  }
}

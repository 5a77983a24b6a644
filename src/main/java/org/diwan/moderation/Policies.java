package org.diwan.moderation;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.diwan.guideline.GuidelineCode;
import org.diwan.site.Meters;
import org.diwan.storage.ChangeFeed;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The site's automatic moderation policies, all off until an admin sets them: reject a comment when
 * a guideline's screening score is at or above a threshold, and (separately, explicitly) approve
 * one whose highest score is below a threshold.
 */
@Service
public class Policies {

  private static final String APPROVE_BELOW = "APPROVE_BELOW";

  /** The {@link ChangeFeed} scope of the policies. */
  static final String SCOPE = "policies";

  private final JdbcClient jdbc;
  private final ApplicationEventPublisher events;
  private final ChangeFeed changes;
  private volatile Kept cached;

  private record Kept(Settings settings, long everything, long generation) {}

  private final Meters.CacheLookups lookups;

  Policies(
      JdbcClient jdbc, ApplicationEventPublisher events, ChangeFeed changes, MeterRegistry meters) {
    this.jdbc = jdbc;
    this.changes = changes;
    this.events = events;
    this.lookups = Meters.cache(meters, "policies");
  }

  /** The current policies. */
  public record Settings(Map<GuidelineCode, Double> rejectAt, Double approveBelow) {
    public Double rejectAt(GuidelineCode code) {
      return rejectAt.get(code);
    }
  }

  /**
   * The current policies: every submission asks, so they are read again only after a change is
   * announced on any instance (or while the {@link ChangeFeed} is out of sync).
   */
  public Settings current() {
    long everything = changes.everything();
    long generation = changes.of(SCOPE);
    Kept kept = cached;
    if (!lookups.count(
        kept != null
            && changes.synced()
            && kept.everything() == everything
            && kept.generation() == generation)) {
      kept = new Kept(read(), everything, generation);
      cached = kept;
    }
    return kept.settings();
  }

  private Settings read() {
    Map<GuidelineCode, Double> reject = new EnumMap<>(GuidelineCode.class);
    Double[] approve = {null};
    jdbc.sql("SELECT name, threshold FROM moderation_policy")
        .query(
            rs -> {
              String name = rs.getString(1);
              if (name.equals(APPROVE_BELOW)) {
                approve[0] = rs.getDouble(2);
              } else if (name.startsWith("REJECT:")) {
                double threshold = rs.getDouble(2);
                GuidelineCode.parse(name.substring(7)).ifPresent(c -> reject.put(c, threshold));
              }
            });
    return new Settings(reject, approve[0]);
  }

  /**
   * Replaces every policy, as {@code actor} asked. A null threshold turns that policy off.
   *
   * @throws ModerationProblem for a threshold outside (0, 1]
   */
  @Transactional
  public void replace(Map<GuidelineCode, Double> rejectAt, Double approveBelow, String actor) {
    rejectAt.values().forEach(Policies::check);
    Optional.ofNullable(approveBelow).ifPresent(Policies::check);
    jdbc.sql("DELETE FROM moderation_policy").update();
    rejectAt.forEach(
        (code, threshold) ->
            jdbc.sql("INSERT INTO moderation_policy (name, threshold) VALUES (?, ?)")
                .params("REJECT:" + code.name(), threshold)
                .update());
    if (approveBelow != null) {
      jdbc.sql("INSERT INTO moderation_policy (name, threshold) VALUES (?, ?)")
          .params(APPROVE_BELOW, approveBelow)
          .update();
    }
    changes.changed(SCOPE);
    Map<GuidelineCode, Double> ordered = new EnumMap<>(GuidelineCode.class);
    ordered.putAll(rejectAt);
    events.publishEvent(new PoliciesChanged(actor, ordered, approveBelow));
  }

  private static void check(Double threshold) {
    if (threshold == null || !(threshold > 0 && threshold <= 1)) {
      throw ModerationProblem.invalid("Thresholds are numbers above 0 and at most 1, e.g. 0.95.");
    }
  }
}

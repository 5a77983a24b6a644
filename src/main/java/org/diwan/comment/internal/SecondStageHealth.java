package org.diwan.comment.internal;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * The second screening stage in {@code /actuator/health} (as {@code secondStage}): UP with the
 * model's version, UNKNOWN while it loads or when switched off, and DEGRADED with the reason when
 * its model could not load. DEGRADED is not DOWN: the site serves and the first stage screens, so
 * the overall check still answers 200 while saying what is missing.
 */
@Component("secondStage")
class SecondStageHealth implements HealthIndicator {

  static final Status DEGRADED = new Status("DEGRADED", "second screening stage is down");

  private final SecondStageWorker worker;

  SecondStageHealth(SecondStageWorker worker) {
    this.worker = worker;
  }

  @Override
  public Health health() {
    SecondStageWorker.Status status = worker.status();
    Health.Builder health =
        switch (status.state()) {
          case "up" -> Health.up();
          case "down" -> Health.status(DEGRADED);
          default -> Health.unknown();
        };
    return health.withDetail("state", status.state()).withDetail("detail", status.detail()).build();
  }
}

package org.diwan.embed;

import java.time.Clock;
import java.util.List;
import org.diwan.embed.internal.EmbedSiteRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The origins allowed to embed Diwan's comment section, for admins. Every change is published as an
 * {@link EmbedSiteChanged} in its transaction, so the audit log's line commits with it.
 */
@Service
public class EmbedSites {

  private final EmbedSiteRepository repository;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  EmbedSites(EmbedSiteRepository repository, ApplicationEventPublisher events, Clock clock) {
    this.repository = repository;
    this.events = events;
    this.clock = clock;
  }

  public List<EmbedSite> all() {
    return repository.all();
  }

  /** Whether {@code origin}, in any spelling, is allowed. */
  public boolean allows(String origin) {
    return Origins.find(origin).map(repository::contains).orElse(false);
  }

  /**
   * Allows an origin.
   *
   * @return the origin as stored
   * @throws InvalidEmbed if it is not an origin or is allowed already
   */
  @Transactional
  public String add(String typed, String actor) {
    String origin = Origins.origin(typed);
    if (repository.contains(origin)) {
      throw new InvalidEmbed(origin + " is allowed already.");
    }
    repository.add(origin, clock.instant(), actor);
    events.publishEvent(new EmbedSiteChanged(actor, "embed-site.added", origin));
    return origin;
  }

  /**
   * Removes an origin: its pages show the refusal from the next load on; its stories and their
   * comments stay.
   *
   * @throws InvalidEmbed if it was not on the list
   */
  @Transactional
  public void remove(String typed, String actor) {
    String origin = Origins.origin(typed);
    if (!repository.remove(origin)) {
      throw new InvalidEmbed(origin + " is not on the list.");
    }
    events.publishEvent(new EmbedSiteChanged(actor, "embed-site.removed", origin));
  }
}

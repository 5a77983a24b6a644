package org.diwan.comment;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.diwan.screening.EncoderScreener;
import org.springframework.stereotype.Component;

/**
 * The second screening stage's encoder, loaded once per process on first use (about 0.6 s and 185
 * MB of native memory; application contexts of one process share it). Empty while the stage is
 * switched off ({@code diwan.second-stage.threads=0}); a loaded stage may still be down (its model
 * missing or corrupt): ask {@link EncoderScreener#available()}.
 */
@Component
public class SecondStageEngine {

  private static final Map<String, EncoderScreener> LOADED = new ConcurrentHashMap<>();

  private final SecondStageProperties properties;

  SecondStageEngine(SecondStageProperties properties) {
    this.properties = properties;
  }

  /** The stage, loading it on this thread the first time; empty when switched off. */
  public Optional<EncoderScreener> encoder() {
    if (!properties.enabled()) {
      return Optional.empty();
    }
    return Optional.of(LOADED.computeIfAbsent(properties.model(), EncoderScreener::load));
  }

  /** The stage if already loaded, without loading it. */
  public Optional<EncoderScreener> loaded() {
    return properties.enabled()
        ? Optional.ofNullable(LOADED.get(properties.model()))
        : Optional.empty();
  }
}

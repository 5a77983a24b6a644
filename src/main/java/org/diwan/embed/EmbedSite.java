package org.diwan.embed;

import java.time.Instant;

/** An origin (scheme://host[:port]) an admin allowed to embed Diwan's comment section. */
public record EmbedSite(String origin, Instant addedAt, String addedBy) {}

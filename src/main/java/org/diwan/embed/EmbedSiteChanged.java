package org.diwan.embed;

/** An admin allowed or removed an embedding origin ({@code action} as the audit log names it). */
public record EmbedSiteChanged(String actor, String action, String origin) {}

package org.diwan.article;

/** An editor added, renamed, moved or removed a section. */
public record SectionChanged(String language, String slug, String actor, String change) {}

package org.diwan.guideline;

/** One guideline as readers see it: its code, a short title and the rule in the site's words. */
public record Guideline(GuidelineCode code, String title, String text) {}

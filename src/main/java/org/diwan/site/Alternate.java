package org.diwan.site;

/** The same page in another edition, for {@code hreflang} links and the language switcher. */
public record Alternate(String lang, String href) {}

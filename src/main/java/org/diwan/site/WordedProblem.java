package org.diwan.site;

/**
 * A problem whose reader-facing wording ({@code problem.<code>.text} in the bundles) takes
 * arguments that must be put in the reader's edition, such as a date.
 */
public interface WordedProblem {

  /** The arguments of the wording, in the edition of {@code texts}. */
  Object[] arguments(Texts texts);
}

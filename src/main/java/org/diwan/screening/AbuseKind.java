package org.diwan.screening;

/** The kind of group a comment flagged {@link Category#ABUSE} appears to target. */
public enum AbuseKind {
  SEXISM,
  RACISM,
  HOMOPHOBIA,
  XENOPHOBIA
}

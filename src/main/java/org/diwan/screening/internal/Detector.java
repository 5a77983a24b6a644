package org.diwan.screening.internal;

/**
 * One stage of screening: reads the analysed comment and adds what it finds.
 *
 * <p>Implementations are immutable and thread-safe; a detector may throw, and the screener then
 * reports the comment as failed under {@link #name()}.
 */
public interface Detector {

  /** A short stable name, shown when the detector fails. */
  String name();

  void detect(Analysis analysis, Findings findings);
}

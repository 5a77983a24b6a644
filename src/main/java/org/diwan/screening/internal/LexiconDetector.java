package org.diwan.screening.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.diwan.screening.Category;

/**
 * Matches the word lists of the comment's language (plus English, which commenters mix into every
 * language; other lists stay apart because a word can be harmless in one language and vulgar in the
 * next, as Persian کس "person" and its Arabic homograph). A banned entry flags its category
 * outright; a suspect entry only raises the score.
 */
public final class LexiconDetector implements Detector {

  /** Score a suspect word adds: enough to tip a borderline model score, not to flag alone. */
  static final double SUSPECT = 0.45;

  static final double BANNED = 0.99;

  /** What a suspect word adds to the overall "breaks some guideline" score. */
  static final double SUSPECT_OVERALL = 0.25;

  private final Map<String, LexiconTable> tables;

  public LexiconDetector(Map<String, LexiconTable> tables) {
    this.tables = Map.copyOf(tables);
  }

  @Override
  public String name() {
    return "lexicon";
  }

  @Override
  public void detect(Analysis analysis, Findings findings) {
    NormalizedText text = analysis.normalized();
    if (text.tokenCount() == 0) {
      return;
    }
    String[] tokens = new String[text.tokenCount()];
    String[] squeezed = new String[tokens.length];
    for (int i = 0; i < tokens.length; i++) {
      tokens[i] = text.token(i);
      squeezed[i] = LexiconTable.squeeze(tokens[i]);
    }
    for (LexiconTable table : applicable(analysis.language())) {
      for (int i = 0; i < tokens.length; i++) {
        int first = i;
        table.matchAt(
            tokens,
            squeezed,
            i,
            (entry, last) -> {
              findings.raise(entry.category(), entry.banned() ? BANNED : SUSPECT);
              if (entry.category() != Category.PROMOTION) {
                findings.raiseOffensive(entry.banned() ? BANNED : SUSPECT_OVERALL);
              }
              if (entry.banned()) {
                findings.force(entry.category());
              }
              if (entry.kind() != null) {
                findings.kind(entry.kind(), entry.banned() ? 1.0 : SUSPECT);
              }
              findings.evidence(
                  entry.category(), text.originalStart(first), text.originalEnd(last));
            });
      }
    }
  }

  private List<LexiconTable> applicable(String language) {
    List<String> languages = new ArrayList<>(2);
    languages.add("en");
    if (!language.equals("en")) {
      languages.add(language);
    }
    List<LexiconTable> result = new ArrayList<>(languages.size());
    for (String l : languages) {
      LexiconTable table = tables.get(l);
      if (table != null) {
        result.add(table);
      }
    }
    return result;
  }
}

package org.diwan.wordlist.web;

import java.util.List;
import org.diwan.guideline.GuidelineCode;
import org.diwan.guideline.Highlight;
import org.diwan.screening.Screening;

/** A sentence an admin tried against the word lists, what the engine said, and its evidence. */
public record WordListTrial(String text, Screening screening, List<Highlight.Run> runs) {

  static WordListTrial of(String text, Screening screening) {
    List<Highlight.Span> spans =
        screening.evidence().stream()
            .map(
                e ->
                    new Highlight.Span(
                        GuidelineCode.valueOf(e.category().name()), e.start(), e.end()))
            .toList();
    return new WordListTrial(text, screening, Highlight.of(text, spans));
  }
}

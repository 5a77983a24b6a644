package org.diwan.screening.internal;

import org.diwan.screening.ScreeningInput;

/** A comment prepared for the detectors: the input, its normalized text and its language. */
public record Analysis(ScreeningInput input, NormalizedText normalized, String language) {

  public String original() {
    return input.text();
  }
}

package org.diwan.screening.encoder;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Tells whether a comment reads as English to the encoder: at least {@link #SHARE} of its words of
 * three or more letters are whole entries of the encoder's English word-piece vocabulary. Text with
 * fewer than {@link #MIN_WORDS} such words passes (too little to tell; the first stage's language
 * guess decides). Thread-safe.
 */
public final class EnglishCheck {

  static final double SHARE = 0.6;
  static final int MIN_WORDS = 3;

  /** The English BERT vocabulary shipped with LangChain4j's embeddings. */
  public static final String VOCABULARY = "/bert-vocabulary-en.txt";

  private final Set<String> vocabulary;

  private EnglishCheck(Set<String> vocabulary) {
    this.vocabulary = vocabulary;
  }

  /** Loads the vocabulary; throws when it is missing. */
  public static EnglishCheck load(ClassLoader loader) throws OnnxEncoder.Unavailable {
    try (InputStream in = loader.getResourceAsStream(VOCABULARY.substring(1))) {
      if (in == null) {
        throw new OnnxEncoder.Unavailable("missing vocabulary " + VOCABULARY, null);
      }
      Set<String> words = new HashSet<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String word = line.strip();
        if (word.length() >= 3 && word.chars().allMatch(Character::isLetter)) {
          words.add(word);
        }
      }
      return new EnglishCheck(Set.copyOf(words));
    } catch (IOException e) {
      throw new OnnxEncoder.Unavailable("cannot read vocabulary " + VOCABULARY, e);
    }
  }

  /** Whether {@code text} reads as English (or is too short to tell). */
  public boolean english(String text) {
    int words = 0;
    int known = 0;
    String folded =
        Normalizer.normalize(text, Normalizer.Form.NFD)
            .replaceAll("\\p{M}+", "")
            .toLowerCase(Locale.ROOT);
    for (String word : folded.split("[^\\p{L}]+")) {
      if (word.length() >= 3) {
        words++;
        known += vocabulary.contains(word) ? 1 : 0;
      }
    }
    return words < MIN_WORDS || known >= SHARE * words;
  }
}

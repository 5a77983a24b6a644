package org.diwan.guideline;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The community guidelines in a reader's language, from the {@code i18n/messages} bundle; English
 * when a language has no translation yet. Thread-safe.
 */
@Service
public class Guidelines {

  private final MessageSource messages;

  Guidelines(MessageSource messages) {
    this.messages = messages;
  }

  /** Every guideline, in the order the site publishes them. */
  public List<Guideline> all(Locale locale) {
    return Arrays.stream(GuidelineCode.values()).map(code -> describe(code, locale)).toList();
  }

  public Guideline describe(GuidelineCode code, Locale locale) {
    String key = "guideline." + code.name();
    return new Guideline(
        code,
        messages.getMessage(key + ".title", null, locale),
        messages.getMessage(key + ".text", null, locale));
  }

  /** The paragraph that opens the guidelines: what is welcome. */
  public String welcome(Locale locale) {
    return messages.getMessage("guidelines.welcome", null, locale);
  }
}

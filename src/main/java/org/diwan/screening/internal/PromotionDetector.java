package org.diwan.screening.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.diwan.screening.Category;

/**
 * Finds promotion signals in the original text: links (also written "example dot com" or "example
 * [.] com"), phone numbers, messenger contacts and money offers. Every pattern has bounded
 * repetition, so matching stays linear in the input.
 */
public final class PromotionDetector implements Detector {

  private static final String TLD =
      "(?:com|net|org|info|biz|io|co|ly|me|tk|xyz|ru|shop|online|site|store|tv|us|uk|app|link)";
  private static final Pattern URL =
      Pattern.compile("(?i)\\b(?:https?://|www\\.)[^\\s<>\"]{1,500}");
  private static final Pattern OBFUSCATED_DOMAIN =
      Pattern.compile(
          "(?i)\\b[a-z0-9][a-z0-9-]{0,62}(?:\\s{0,3}[\\[(]\\s{0,2}(?:\\.|dot)\\s{0,2}[\\])]\\s{0,3}"
              + "|\\s{1,3}dot\\s{1,3})"
              + TLD
              + "\\b"
              // spaced dots only before unambiguous endings: "it. co-workers" is prose
              + "|\\b[a-z0-9][a-z0-9-]{0,62}(?:\\s{1,3}\\.\\s{0,3}|\\.\\s{1,3})"
              + "(?:com|net|org|info|biz|xyz|ru)\\b");
  private static final Pattern DOMAIN =
      Pattern.compile("(?i)\\b[a-z0-9][a-z0-9-]{0,62}\\." + TLD + "\\b");
  private static final Pattern PHONE =
      Pattern.compile("(?<![\\d])\\+?\\d[\\d \\-().]{6,18}\\d(?![\\d])");
  private static final Pattern MESSENGER =
      Pattern.compile("(?i)\\b(?:whats\\s?app|telegram|viber|wechat|snapchat|kik|t\\.me/)");
  private static final Pattern HANDLE = Pattern.compile("(?<![\\w@])@[A-Za-z0-9_]{3,30}");
  private static final Pattern MONEY =
      Pattern.compile(
          "(?i)(?:[$€£]\\s?\\d{1,9}|\\b\\d{1,9}\\s?(?:usd|dollars|euros?)\\b"
              + "|\\b(?:free|winner|cash|prize|offer|earn|income|bitcoin|crypto|guaranteed)\\b)");

  @Override
  public String name() {
    return "promotion";
  }

  @Override
  public void detect(Analysis analysis, Findings findings) {
    String text = analysis.original();
    mark(URL.matcher(text), 0.6, findings);
    mark(OBFUSCATED_DOMAIN.matcher(text), 0.9, findings);
    mark(DOMAIN.matcher(text), 0.5, findings);
    boolean phone = markPhones(PHONE.matcher(text), findings);
    Matcher messenger = MESSENGER.matcher(text);
    if (messenger.find()) {
      boolean handle = HANDLE.matcher(text).find();
      double p = phone || handle ? 0.9 : 0.4;
      findings.raise(Category.PROMOTION, p);
      findings.evidence(Category.PROMOTION, messenger.start(), messenger.end());
    }
    Matcher money = MONEY.matcher(text);
    for (int found = 0; found < 3 && money.find(); found++) {
      findings.raise(Category.PROMOTION, 0.15);
      findings.evidence(Category.PROMOTION, money.start(), money.end());
    }
  }

  private static void mark(Matcher m, double p, Findings findings) {
    while (m.find()) {
      findings.raise(Category.PROMOTION, p);
      findings.evidence(Category.PROMOTION, m.start(), m.end());
    }
  }

  private static boolean markPhones(Matcher m, Findings findings) {
    boolean any = false;
    while (m.find()) {
      int digits = 0;
      for (int i = m.start(); i < m.end(); i++) {
        digits += Character.isDigit(m.group().charAt(i - m.start())) ? 1 : 0;
      }
      char first = m.group().charAt(0);
      // Dates and counts are long digit runs too; a phone number starts with + or 0, or is long.
      boolean phoneLike = first == '+' || first == '0' || digits >= 10;
      if (phoneLike && digits >= 8 && digits <= 15) {
        findings.raise(Category.PROMOTION, 0.8);
        findings.evidence(Category.PROMOTION, m.start(), m.end());
        any = true;
      }
    }
    return any;
  }
}

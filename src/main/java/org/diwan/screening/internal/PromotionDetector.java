package org.diwan.screening.internal;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.diwan.screening.Category;

/**
 * Finds promotion signals: links (also written "example dot com", "example [.] com" or "example .
 * com"), phone numbers, messenger contacts and money offers.
 *
 * <p>Domains are found on the normalized tokens (a known ending such as {@code com}, and how it is
 * joined to the word before it in the original text), so the cost stays linear and small; regular
 * expressions only run when a cheap check says they can match.
 */
public final class PromotionDetector implements Detector {

  private static final Set<String> ENDINGS =
      Set.of(
          "com", "net", "org", "info", "biz", "io", "co", "ly", "me", "tk", "xyz", "ru", "shop",
          "online", "site", "store", "tv", "us", "uk", "app", "link");

  /** Endings safe to accept after a spaced dot: "it. co-workers" and "me. us" are prose. */
  private static final Set<String> UNAMBIGUOUS_ENDINGS =
      Set.of("com", "net", "org", "info", "biz", "xyz", "ru");

  private static final Set<String> MESSENGERS =
      Set.of("whatsapp", "telegram", "viber", "wechat", "snapchat", "kik");

  private static final Set<String> MONEY_WORDS =
      Set.of(
          "free",
          "winner",
          "cash",
          "prize",
          "offer",
          "earn",
          "income",
          "bitcoin",
          "crypto",
          "guaranteed",
          "usd",
          "dollars",
          "euro",
          "euros");

  private static final Pattern URL =
      Pattern.compile("(?i)\\b(?:https?://|www\\.)[^\\s<>\"]{1,500}");

  /** A bare domain with a path, as "shop.pl/offer": no scheme, but the slash gives it away. */
  private static final Pattern BARE_LINK =
      Pattern.compile("(?i)\\b[a-z0-9][a-z0-9-]{0,62}\\.[a-z]{2,6}/[^\\s<>\"]{0,500}");

  private static final Pattern PHONE =
      Pattern.compile("(?<![\\d])\\+?\\d[\\d \\-().]{6,18}\\d(?![\\d])");
  private static final Pattern HANDLE = Pattern.compile("(?<![\\w@])@[A-Za-z0-9_]{3,30}");

  @Override
  public String name() {
    return "promotion";
  }

  @Override
  public void detect(Analysis analysis, Findings findings) {
    String text = analysis.original();
    if (text.contains("://") || text.regionMatches(true, 0, "www.", 0, 4) || text.contains("ww.")) {
      mark(URL.matcher(text), findings);
    } else if (text.indexOf('/') > 0 && text.indexOf('.') > 0) {
      mark(BARE_LINK.matcher(text), findings);
    }
    NormalizedText tokens = analysis.normalized();
    boolean messenger = false;
    int money = 0;
    for (int t = 0; t < tokens.tokenCount(); t++) {
      int length = tokens.tokenEnd(t) - tokens.tokenStart(t);
      if (length > 10) {
        continue; // every word this detector looks for is short
      }
      String token = tokens.token(t);
      if (t > 0 && ENDINGS.contains(token)) {
        domain(text, tokens, t, token, findings);
      }
      if (MESSENGERS.contains(token)) {
        messenger = true;
        findings.evidence(Category.PROMOTION, tokens.originalStart(t), tokens.originalEnd(t));
      }
      if (money < 3 && MONEY_WORDS.contains(token)) {
        money++;
        findings.raise(Category.PROMOTION, 0.15);
        findings.evidence(Category.PROMOTION, tokens.originalStart(t), tokens.originalEnd(t));
      }
    }
    boolean phone = digits(text) >= 8 && markPhones(PHONE.matcher(text), findings);
    if (messenger) {
      boolean handle = text.indexOf('@') >= 0 && HANDLE.matcher(text).find();
      findings.raise(Category.PROMOTION, phone || handle ? 0.9 : 0.4);
    }
  }

  /** Token {@code t} is a domain ending: decide how it was joined to the name before it. */
  private static void domain(
      String text, NormalizedText tokens, int t, String ending, Findings findings) {
    int end = tokens.originalEnd(t);
    int previousEnd = tokens.originalEnd(t - 1);
    String gap = text.substring(previousEnd, tokens.originalStart(t));
    if (gap.equals(".")) {
      raise(findings, 0.5, tokens.originalStart(t - 1), end); // example.com
      return;
    }
    if (gap.length() > 8) {
      return;
    }
    String joiner = gap.strip();
    boolean bracketed = joiner.matches("[\\[(]\\s*\\.\\s*[\\])]");
    if (bracketed || (joiner.equals(".") && UNAMBIGUOUS_ENDINGS.contains(ending))) {
      raise(findings, 0.9, tokens.originalStart(t - 1), end); // example [.] com, shop . com
      return;
    }
    if (t >= 2 && tokens.token(t - 1).equals("dot") && joiner.matches("[\\])]?")) {
      String before = text.substring(tokens.originalEnd(t - 2), tokens.originalStart(t - 1));
      if (before.strip().matches("[\\[(]?") && before.length() <= 4) {
        raise(findings, 0.9, tokens.originalStart(t - 2), end); // example dot com, x (dot) net
      }
    }
  }

  private static void raise(Findings findings, double p, int start, int end) {
    findings.raise(Category.PROMOTION, p);
    findings.evidence(Category.PROMOTION, start, end);
  }

  private static void mark(Matcher m, Findings findings) {
    while (m.find()) {
      raise(findings, 0.6, m.start(), m.end());
    }
  }

  private static int digits(String text) {
    int digits = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      digits += c >= '0' && c <= '9' ? 1 : 0;
    }
    return digits;
  }

  private static boolean markPhones(Matcher m, Findings findings) {
    boolean any = false;
    while (m.find()) {
      int digits = 0;
      for (int i = m.start(); i < m.end(); i++) {
        char c = m.group().charAt(i - m.start());
        digits += c >= '0' && c <= '9' ? 1 : 0;
      }
      char first = m.group().charAt(0);
      // Dates and counts are long digit runs too; a phone number starts with + or 0, or is long.
      boolean phoneLike = first == '+' || first == '0' || digits >= 10;
      if (phoneLike && digits >= 8 && digits <= 15) {
        raise(findings, 0.8, m.start(), m.end());
        any = true;
      }
    }
    return any;
  }
}

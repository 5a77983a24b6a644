package org.diwan.comment.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The secrets that open a comment's status page: the time they were issued, then 256 random bits,
 * URL-safe. Only a {@link #key key} derived with SHA-256 is stored, so a copy of the database does
 * not open anyone's status page.
 *
 * <p>The time comes first so that keys are stored in the order comments arrive: a key of pure hash
 * landed on a random page of the index, one more page for every comment to write in the group
 * commit; in order, submissions' p99 halved at 1,000,000 comments (BENCHMARKS.md). Tokens issued
 * before (43 characters, no time) keep working: their key is still their plain hash.
 */
public final class CommentTokens {

  // One generator per thread: the default (NativePRNG) serialises every caller on one JVM-wide
  // lock, which held up concurrent submissions. DRBG (NIST SP 800-90A, seeded from the system's
  // entropy source) is as strong and needs no shared lock.
  private static final ThreadLocal<SecureRandom> RANDOM =
      ThreadLocal.withInitial(CommentTokens::newRandom);

  /** Hex digits of the issuing time's epoch milliseconds: enough until the year 2527. */
  private static final int TIME_DIGITS = 11;

  /** 32 random bytes in unpadded base64url. */
  private static final int SECRET_CHARS = 43;

  private static final Pattern SHAPE = Pattern.compile("[0-9a-f]{11}[A-Za-z0-9_-]{43}");
  private static final Pattern LEGACY_SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");

  /** Sorts after every hex digit, so new keys follow the legacy ones in the index. */
  private static final String KEY_PREFIX = "t";

  private CommentTokens() {}

  public static String generate(Instant issued) {
    byte[] bytes = new byte[32];
    RANDOM.get().nextBytes(bytes);
    // 16 hex digits, of which the first five stay 0 until the year 2527
    return HexFormat.of().toHexDigits(issued.toEpochMilli()).substring(16 - TIME_DIGITS)
        + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static SecureRandom newRandom() {
    try {
      return SecureRandom.getInstance("DRBG");
    } catch (NoSuchAlgorithmException e) {
      return new SecureRandom();
    }
  }

  static boolean looksValid(String token) {
    return token != null
        && (SHAPE.matcher(token).matches() || LEGACY_SHAPE.matcher(token).matches());
  }

  /**
   * What is stored for {@code token} (a {@link #looksValid valid} one) and looked up by: {@code t},
   * the issuing time, and the token's SHA-256 in hex; for a legacy token, its SHA-256 alone.
   */
  public static String key(String token) {
    return token.length() == TIME_DIGITS + SECRET_CHARS
        ? KEY_PREFIX + token.substring(0, TIME_DIGITS) + hash(token)
        : hash(token);
  }

  private static String hash(String token) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha256.digest(token.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}

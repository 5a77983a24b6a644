package org.diwan.comment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The secrets that open a comment's status page: 256 random bits, URL-safe. Only a SHA-256 hash is
 * stored, so a copy of the database does not open anyone's status page.
 */
final class CommentTokens {

  // One generator per thread: the default (NativePRNG) serialises every caller on one JVM-wide
  // lock, which held up concurrent submissions. DRBG (NIST SP 800-90A, seeded from the system's
  // entropy source) is as strong and needs no shared lock.
  private static final ThreadLocal<SecureRandom> RANDOM =
      ThreadLocal.withInitial(CommentTokens::newRandom);
  private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");

  private CommentTokens() {}

  static String generate() {
    byte[] bytes = new byte[32];
    RANDOM.get().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static SecureRandom newRandom() {
    try {
      return SecureRandom.getInstance("DRBG");
    } catch (NoSuchAlgorithmException e) {
      return new SecureRandom();
    }
  }

  static boolean looksValid(String token) {
    return token != null && SHAPE.matcher(token).matches();
  }

  static String hash(String token) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha256.digest(token.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}

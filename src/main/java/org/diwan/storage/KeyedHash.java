package org.diwan.storage;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A keyed hash (HMAC-SHA-256) of a value, for records that must be able to say "the same person
 * again" without holding who it was, such as the audit log's entries about a commenter's address.
 * The key is this installation's own: made at random on first use and kept in the database ({@code
 * installation_secret}), so every instance of the site hashes alike and nobody without the database
 * can test a guessed address against the log. Thread-safe.
 */
@Service
public class KeyedHash {

  private static final String NAME = "keyed-hash";

  private final JdbcClient jdbc;
  private volatile SecretKeySpec key;

  KeyedHash(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** {@code hmac:} and the first 96 bits of the hash, in hex: enough to tell people apart. */
  public String of(String value) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key());
      byte[] hash = mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
      return "hmac:" + HexFormat.of().formatHex(hash, 0, 12);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
    }
  }

  private SecretKeySpec key() {
    SecretKeySpec known = key;
    if (known == null) {
      byte[] fresh = new byte[32];
      new SecureRandom().nextBytes(fresh);
      // Of several instances starting at once, the first insert wins and all read its key.
      jdbc.sql("INSERT INTO installation_secret (name, value) VALUES (?, ?) ON CONFLICT DO NOTHING")
          .params(NAME, Base64.getEncoder().encodeToString(fresh))
          .update();
      String stored =
          jdbc.sql("SELECT value FROM installation_secret WHERE name = ?")
              .param(NAME)
              .query(String.class)
              .single();
      known = new SecretKeySpec(Base64.getDecoder().decode(stored), "HmacSHA256");
      key = known;
    }
    return known;
  }
}

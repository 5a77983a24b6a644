package org.diwan.moderation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.util.Map;
import org.diwan.comment.CommenterEmail;
import org.diwan.comment.PersonalData;
import org.diwan.site.KeyedHash;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Subject access and erasure by email (ADMIN); each request is written to the audit log under a
 * keyed hash of the address ({@link KeyedHash}), never the address itself: the log is append-only
 * and would otherwise keep what erasure removes. Entries about the same person share the hash.
 */
@RestController
@Tag(name = "Admin")
class PrivacyApi {

  private final PersonalData personalData;
  private final AuditTrail audit;
  private final KeyedHash hashes;

  PrivacyApi(PersonalData personalData, AuditTrail audit, KeyedHash hashes) {
    this.personalData = personalData;
    this.audit = audit;
    this.hashes = hashes;
  }

  @GetMapping(path = "/api/admin/personal-data", produces = "application/json")
  @Operation(summary = "Everything stored about an email, as JSON")
  PersonalData.Export export(Principal admin, @RequestParam String email) {
    requireEmail(email);
    audit.record(admin.getName(), "privacy.exported", reference(email), "");
    return personalData.export(email);
  }

  @DeleteMapping(path = "/api/admin/personal-data", produces = "application/json")
  @Operation(summary = "Erase an email's identifiers from every comment")
  Map<String, Integer> erase(Principal admin, @RequestParam String email) {
    requireEmail(email);
    int erased = personalData.erase(email);
    audit.record(admin.getName(), "privacy.erased", reference(email), erased + " comments");
    return Map.of("erased", erased);
  }

  /** Who the entry is about, as the log keeps it: the same for every spelling of the address. */
  private String reference(String email) {
    return hashes.of(CommenterEmail.key(email));
  }

  private static void requireEmail(String email) {
    if (email == null || !email.contains("@") || email.length() > 254) {
      throw ModerationProblem.invalid("Give the commenter's email address in 'email'.");
    }
  }
}

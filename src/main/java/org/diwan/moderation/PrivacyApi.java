package org.diwan.moderation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.util.Map;
import org.diwan.comment.PersonalData;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Subject access and erasure by email (ADMIN); each request is written to the audit log. */
@RestController
@Tag(name = "Admin")
class PrivacyApi {

  private final PersonalData personalData;
  private final AuditTrail audit;

  PrivacyApi(PersonalData personalData, AuditTrail audit) {
    this.personalData = personalData;
    this.audit = audit;
  }

  @GetMapping(path = "/api/admin/personal-data", produces = "application/json")
  @Operation(summary = "Everything stored about an email, as JSON")
  PersonalData.Export export(Principal admin, @RequestParam String email) {
    requireEmail(email);
    audit.record(admin.getName(), "privacy.exported", email.strip(), "");
    return personalData.export(email);
  }

  @DeleteMapping(path = "/api/admin/personal-data", produces = "application/json")
  @Operation(summary = "Erase an email's identifiers from every comment")
  Map<String, Integer> erase(Principal admin, @RequestParam String email) {
    requireEmail(email);
    int erased = personalData.erase(email);
    audit.record(admin.getName(), "privacy.erased", "an email", erased + " comments");
    return Map.of("erased", erased);
  }

  private static void requireEmail(String email) {
    if (email == null || !email.contains("@") || email.length() > 254) {
      throw ModerationProblem.invalid("Give the commenter's email address in 'email'.");
    }
  }
}

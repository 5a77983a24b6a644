package org.diwan.comment.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.util.Map;
import org.diwan.comment.CommenterErased;
import org.diwan.comment.PersonalData;
import org.diwan.comment.PersonalDataExported;
import org.diwan.site.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Subject access and erasure by email (ADMIN). Both are announced to the audit log ({@link
 * PersonalDataExported}, {@link CommenterErased}), which keeps a keyed hash of the address, never
 * the address itself.
 */
@RestController
@Tag(name = "Admin")
class PrivacyApi {

  private final PersonalData personalData;

  PrivacyApi(PersonalData personalData) {
    this.personalData = personalData;
  }

  @GetMapping(path = "/api/admin/personal-data", produces = "application/json")
  @Operation(summary = "Everything stored about an email, as JSON")
  PersonalData.Export export(Principal admin, @RequestParam String email) {
    requireEmail(email);
    return personalData.export(email, admin.getName());
  }

  @DeleteMapping(path = "/api/admin/personal-data", produces = "application/json")
  @Operation(summary = "Erase an email's identifiers from every comment")
  Map<String, Integer> erase(Principal admin, @RequestParam String email) {
    requireEmail(email);
    return Map.of("erased", personalData.erase(email, admin.getName()));
  }

  private static void requireEmail(String email) {
    if (email == null || !email.contains("@") || email.length() > 254) {
      throw new ErrorResponseException(
          HttpStatus.BAD_REQUEST,
          Problems.of(
              HttpStatus.BAD_REQUEST,
              "personal-data.invalid",
              "Request refused",
              "Give the commenter's email address in 'email'."),
          null);
    }
  }
}

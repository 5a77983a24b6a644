package org.diwan.staff.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.util.List;
import java.util.Locale;
import org.diwan.staff.ApiKey;
import org.diwan.staff.ApiKeys;
import org.diwan.staff.InvalidStaffRequest;
import org.diwan.staff.Role;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The admin API for integration keys (ADMIN: a key, or HTTP Basic with an admin's login). */
@RestController
@RequestMapping(path = "/api/admin/api-keys", produces = "application/json")
@Tag(name = "Admin")
class ApiKeyApi {

  private final ApiKeys keys;

  ApiKeyApi(ApiKeys keys) {
    this.keys = keys;
  }

  record CreateKey(String name, String role) {}

  @PostMapping(consumes = "application/json")
  @Operation(summary = "Create an API key; the key is in this response only")
  ResponseEntity<ApiKeys.NewApiKey> create(Authentication admin, @RequestBody CreateKey body) {
    Role role = parse(body.role());
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(
            admin.getDetails() instanceof ApiKey key
                ? keys.create(body.name(), role, admin.getName(), key.creatorId())
                : keys.create(body.name(), role, admin.getName()));
  }

  @GetMapping
  @Operation(summary = "Every key, active or revoked, without the secrets")
  List<ApiKey> list() {
    return keys.all();
  }

  @DeleteMapping("/{id}")
  @Operation(summary = "Revoke a key at once")
  ResponseEntity<Void> revoke(Principal admin, @PathVariable long id) {
    keys.revoke(id, admin.getName());
    return ResponseEntity.noContent().build();
  }

  private static Role parse(String role) {
    try {
      return Role.valueOf(role == null ? "" : role.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidStaffRequest(
          HttpStatus.BAD_REQUEST, "key.role", "role must be one of ADMIN, EDITOR, MODERATOR.");
    }
  }
}

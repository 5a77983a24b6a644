package org.diwan.staff.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.diwan.staff.ApiKey;
import org.diwan.staff.ApiKeys;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates API calls that carry {@code Authorization: Bearer <key>}. An unknown or revoked key
 * is answered 401 at once rather than treated as anonymous, so a mistyped key is noticed. Password
 * failures never stand in the way of a valid key ({@link LoginThrottle}).
 */
class ApiKeyFilter extends OncePerRequestFilter {

  private final ApiKeys keys;
  private final AccessProblems problems;

  ApiKeyFilter(ApiKeys keys, AccessProblems problems) {
    this.keys = keys;
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      chain.doFilter(request, response);
      return;
    }
    Optional<ApiKey> key = keys.authenticate(header.substring(7).strip());
    if (key.isEmpty()) {
      // Not counted against the address: keys are not guessed, and counting them would let a
      // stale key on a shared address slow down staff logging in from it.
      problems.send(
          request,
          response,
          HttpStatus.UNAUTHORIZED,
          "Unknown API key",
          "auth.bad-key",
          "This API key is unknown or revoked.");
      return;
    }
    if (!key.get().creatorActive()) {
      problems.send(
          request,
          response,
          HttpStatus.UNAUTHORIZED,
          "API key suspended",
          "auth.key-suspended",
          "This API key's creator is disabled or no longer an admin, so the key is suspended."
              + " It works again if their account is restored; an admin can revoke it and make a"
              + " new one.");
      return;
    }
    var authentication =
        UsernamePasswordAuthenticationToken.authenticated(
            "key:" + key.get().name(),
            null,
            List.of(new SimpleGrantedAuthority(key.get().role().authority())));
    authentication.setDetails(key.get()); // keys made with this key inherit its creator
    var context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(authentication);
    SecurityContextHolder.setContext(context);
    try {
      chain.doFilter(request, response);
    } finally {
      SecurityContextHolder.clearContext();
    }
  }
}

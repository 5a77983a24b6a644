package org.diwan.staff.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import org.diwan.staff.StaffAccounts;
import org.diwan.staff.StaffMember;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Sends staff who still have a one-time password to choose their own before anything else. The
 * pages redirect to the form; the API ({@link #api()}, HTTP Basic) refuses with 403, since a
 * one-time password has passed through other hands and must not create keys or read personal data.
 */
@Configuration(proxyBeanMethods = false)
class PasswordChangeGate implements WebMvcConfigurer {

  private final StaffAccounts accounts;

  PasswordChangeGate(StaffAccounts accounts) {
    this.accounts = accounts;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry
        .addInterceptor(
            new HandlerInterceptor() {
              @Override
              public boolean preHandle(
                  HttpServletRequest request, HttpServletResponse response, Object handler)
                  throws Exception {
                Principal user = request.getUserPrincipal();
                // Signed in through the provider: the account's password is not in use.
                if (user instanceof Authentication signedIn
                    && signedIn.getPrincipal() instanceof SignedOnStaff) {
                  return true;
                }
                if (user != null
                    && accounts
                        .byEmail(user.getName())
                        .map(StaffMember::passwordChangeNeeded)
                        .orElse(false)) {
                  response.sendRedirect("/account/password");
                  return false;
                }
                return true;
              }
            })
        .addPathPatterns("/staff", "/moderation/**", "/editor/**", "/admin/**")
        .addPathPatterns("/moderation", "/editor", "/admin");
  }

  /** The API's side: HTTP Basic with a one-time password is refused until it is replaced. */
  static OncePerRequestFilter api(AccessProblems problems) {
    return new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(
          HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null
            && authentication.getPrincipal() instanceof StaffUsers.StaffUser user
            && user.passwordChangeNeeded()) {
          problems.send(
              request,
              response,
              HttpStatus.FORBIDDEN,
              "Password change needed",
              "auth.password-change-needed",
              "This account still has a one-time password. Log in at /login and choose your own"
                  + " before using the API.");
          return;
        }
        chain.doFilter(request, response);
      }
    };
  }
}

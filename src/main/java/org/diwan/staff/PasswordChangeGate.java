package org.diwan.staff;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Sends staff who still have a one-time password to choose their own before anything else. */
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
}

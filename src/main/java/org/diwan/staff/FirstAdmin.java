package org.diwan.staff;

import java.util.EnumSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * On first start (no staff at all) creates an admin who holds every role: from {@code
 * DIWAN_ADMIN_EMAIL} and {@code DIWAN_ADMIN_PASSWORD} when set, otherwise {@code admin@localhost}
 * with a one-time password printed once in the log, to be changed at first login.
 */
@Component
class FirstAdmin implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

  private final StaffAccounts accounts;
  private final String email;
  private final String password;

  FirstAdmin(
      StaffAccounts accounts,
      @Value("${diwan.admin.email:}") String email,
      @Value("${diwan.admin.password:}") String password) {
    this.accounts = accounts;
    this.email = email;
    this.password = password;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!accounts.isEmpty()) {
      return;
    }
    String address = email.isBlank() ? "admin@localhost" : email;
    var created =
        accounts.create(
            address,
            "Administrator",
            EnumSet.allOf(Role.class),
            password.isBlank() ? null : password,
            "system");
    if (created.oneTimePassword() != null) {
      // Printed once, on purpose: it is the only way into a new site.
      log.warn(
          "\n\n  Created the first admin account: {}\n  One-time password: {}\n"
              + "  Log in at /login and choose a new password.\n",
          address,
          created.oneTimePassword());
    } else {
      log.info("Created the first admin account {} from DIWAN_ADMIN_EMAIL", address);
    }
  }
}

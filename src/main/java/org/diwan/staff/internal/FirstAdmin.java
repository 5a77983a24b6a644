package org.diwan.staff.internal;

import java.util.EnumSet;
import org.diwan.staff.Role;
import org.diwan.staff.StaffAccounts;
import org.diwan.staff.StaffProperties;
import org.diwan.storage.OneAtATime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * On first start (no staff at all) creates an admin who holds every role: from {@code
 * DIWAN_ADMIN_EMAIL} and {@code DIWAN_ADMIN_PASSWORD} when set, otherwise {@code admin@localhost}
 * with a one-time password printed once in the log, to be changed at first login.
 *
 * <p>It runs while the application starts, before the web server opens its port (a lower phase than
 * the server's), so no request can find the site without its admin, and no request writes while the
 * account is made.
 */
@Component
class FirstAdmin implements SmartLifecycle {

  /** Before the web server, which starts in the phase just below Integer.MAX_VALUE - 2048. */
  static final int PHASE = 0;

  private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

  private final StaffAccounts accounts;
  private final OneAtATime oneAtATime;
  private final String email;
  private final String password;
  private volatile boolean done;

  FirstAdmin(StaffAccounts accounts, StaffProperties properties, OneAtATime oneAtATime) {
    this.accounts = accounts;
    this.oneAtATime = oneAtATime;
    this.email = properties.admin().email();
    this.password = properties.admin().password();
  }

  @Override
  public void start() {
    // Instances of a cluster starting together: one creates the account, the others find it.
    oneAtATime.run("first-admin", this::createIfNone);
    done = true;
  }

  @Override
  public void stop() {}

  @Override
  public boolean isRunning() {
    return done;
  }

  @Override
  public int getPhase() {
    return PHASE;
  }

  private void createIfNone() {
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

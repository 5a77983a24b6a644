package org.diwan.staff;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The staff module's settings, bound from {@code diwan.*}.
 *
 * @param admin the first admin, created when there is no staff account yet
 * @param limits how many failed passwords are tolerated
 * @param staff how long a staff session may last
 */
@ConfigurationProperties("diwan")
public record StaffProperties(
    @DefaultValue Admin admin, @DefaultValue Limits limits, @DefaultValue Staff staff) {

  /**
   * @param email the first admin's address; empty: {@code admin@localhost}
   * @param password their password (at least 12 characters); empty: a one-time password is printed
   *     once in the log
   */
  public record Admin(@DefaultValue("") String email, @DefaultValue("") String password) {}

  /**
   * @param loginFailures failed passwords before further attempts must wait; 0: off
   */
  public record Limits(@DefaultValue("5") int loginFailures) {}

  /**
   * @param sessionLifetime a staff session ends this long after its login however busy it is
   */
  public record Staff(@DefaultValue("12h") Duration sessionLifetime) {}
}

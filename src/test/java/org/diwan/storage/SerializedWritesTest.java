package org.diwan.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.diwan.support.OnSqlite;
import org.diwan.support.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every write to SQLite queues on the one write path, those no request transaction carries too: a
 * failed login's audit line, written while another transaction has read and is about to write,
 * waits for it instead of slipping in between (which failed the other with SQLITE_BUSY_SNAPSHOT,
 * and at start-up made the first admin's creation end the application).
 */
@OnSqlite
class SerializedWritesTest {

  @Autowired PlatformTransactionManager transactions;
  @Autowired JdbcClient jdbc;
  @Autowired Environment environment;

  private long auditLines(String action) {
    return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = ?")
        .param(action)
        .query(Long.class)
        .single();
  }

  @Test
  void anAuditLineFromAFailedLoginWaitsForTheTransactionUnderWay() throws Exception {
    WebClient web =
        new WebClient(environment.getRequiredProperty("local.server.port", Integer.class));
    long failedBefore = auditLines("login.failed");
    AtomicReference<Throwable> loginFailure = new AtomicReference<>();
    Thread login =
        new Thread(
            () -> {
              try {
                web.submitForm(
                    "/login",
                    "/login",
                    Map.of("username", "nobody@example.org", "password", "not the password"));
              } catch (Throwable e) {
                loginFailure.set(e);
              }
            });

    new TransactionTemplate(transactions)
        .executeWithoutResult(
            status -> {
              // A read first: SQLite now holds this transaction to what it saw.
              jdbc.sql("SELECT COUNT(*) FROM audit_event").query(Long.class).single();
              login.start();
              try {
                login.join(1_500);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              assertThat(login.isAlive()).as("the login's write waits its turn").isTrue();
              jdbc.sql(
                      "INSERT INTO audit_event (at, actor, action, subject, detail)"
                          + " VALUES (0, 'test', 'test.serialized', '', '')")
                  .update();
            });
    login.join(10_000);

    assertThat(loginFailure.get()).isNull();
    assertThat(auditLines("test.serialized")).isEqualTo(1);
    assertThat(auditLines("login.failed")).isEqualTo(failedBefore + 1);
  }
}

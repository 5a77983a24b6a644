package org.diwan.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The packaged application started as its own process, as an operator runs it. */
public final class RunningJar implements AutoCloseable {

  private final Process process;
  private final int port;

  private RunningJar(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Starts {@code target/diwan.jar} with the given arguments and waits until it serves pages. */
  public static RunningJar start(Path log, String... args)
      throws IOException, InterruptedException {
    RunningJar jarProcess = launch(log, args);
    jarProcess.awaitReady(Duration.ofSeconds(90));
    return jarProcess;
  }

  /** Starts {@code target/diwan.jar} and returns at once, before it listens. */
  public static RunningJar launch(Path log, String... args) throws IOException {
    Path jar = Path.of("target", "diwan.jar");
    if (!Files.exists(jar)) {
      throw new IllegalStateException(
          "target/diwan.jar is missing: run these tests with ./mvnw verify");
    }
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    List<String> command =
        new ArrayList<>(List.of(javaBinary(), "-Xmx512m", "-jar", jar.toString()));
    command.add("--server.port=" + port);
    command.addAll(List.of(args));
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    return new RunningJar(process, port);
  }

  public int port() {
    return port;
  }

  public WebClient client() {
    return new WebClient(port);
  }

  /** Kills the process the hard way (SIGKILL): no shutdown hooks, no flushing. */
  public void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      kill();
    }
  }

  /** Whether the process is still running (it has not exited, by failure or otherwise). */
  public boolean isAlive() {
    return process.isAlive();
  }

  /** Waits until the application answers its health check; fails if it exits first. */
  public void awaitReady(Duration limit) throws InterruptedException {
    Instant until = Instant.now().plus(limit);
    while (Instant.now().isBefore(until)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("The application exited with " + process.exitValue());
      }
      try {
        HttpResponse<String> health = client().getJson("/actuator/health");
        if (health.statusCode() == 200) {
          return;
        }
      } catch (IllegalStateException notYet) {
        // Not listening yet.
      }
      Thread.sleep(250);
    }
    process.destroyForcibly();
    throw new IllegalStateException("The application did not start within " + limit);
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}

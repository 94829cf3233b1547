package jp.climatepdca.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One application node as its own operating-system process: the packaged jar started with
 * {@code java -jar}, as production starts it. Killing it is a SIGKILL: no shutdown hook runs.
 */
public final class Node implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

  private final String name;
  private final Process process;
  private final int port;
  private final Path log;

  private Node(String name, Process process, int port, Path log) {
    this.name = name;
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /** Starts the jar under target/ with the given environment and arguments; returns once it is ready. */
  public static Node start(String name, Map<String, String> environment, List<String> arguments) throws Exception {
    return start(name, null, environment, arguments);
  }

  /**
   * The same in a working directory of its own (null: this one), where the demo profile's relative H2
   * file ./data/climate-pdca then lies, as for a person who starts the jar there.
   */
  public static Node start(String name, Path directory, Map<String, String> environment, List<String> arguments)
      throws Exception {
    var port = freePort();
    var log = Files.createDirectories(Path.of("target", "nodes")).resolve(name + ".log");
    var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx384m", "-jar", jar().toString(), "--server.port=" + port));
    command.addAll(arguments);
    var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    if (directory != null) {
      builder.directory(directory.toFile());
    }
    builder.environment().putAll(environment);
    var node = new Node(name, builder.start(), port, log);
    node.awaitReady();
    return node;
  }

  public int port() {
    return port;
  }

  /** SIGKILL, as a crashed machine or an OOM killer would end it. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
        kill();
      }
    }
  }

  private void awaitReady() throws Exception {
    var client = HttpClient.newHttpClient();
    var deadline = Instant.now().plus(START_TIMEOUT);
    var health = URI.create("http://localhost:" + port + "/actuator/health/readiness");
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " stopped while starting:\n" + tail());
      }
      try {
        var answer = client.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() == 200 && answer.body().contains("UP")) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    process.destroyForcibly();
    throw new IllegalStateException(name + " was not ready within " + START_TIMEOUT + ":\n" + tail());
  }

  private String tail() throws IOException {
    var lines = Files.readAllLines(log);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }

  private static Path jar() throws IOException {
    try (var files = Files.list(Path.of("target"))) {
      return files.filter(f -> f.getFileName().toString().matches("climate-pdca-.*\\.jar")).findFirst()
          .map(Path::toAbsolutePath)
          .orElseThrow(() -> new IllegalStateException("no jar under target/: run mvn package first"));
    }
  }

  private static int freePort() throws IOException {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}

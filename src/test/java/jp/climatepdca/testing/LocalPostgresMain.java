package jp.climatepdca.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a {@link LocalPostgres} until the process is terminated, for docker/check-compose-settings
 * (and as the child JVM under root). Reads POSTGRES_DB, POSTGRES_USER and POSTGRES_PASSWORD like the
 * postgres image, and writes the server's port to the file given as the only argument once it accepts
 * connections.
 */
public final class LocalPostgresMain {

  /**
   * The process id of the JVM this one serves as its child: when that JVM ends without stopping the server
   * (killed, or a benchmark interrupted), the server stops too instead of running on unowned.
   */
  static final String PARENT = "localpostgres.parent";

  private static volatile boolean orphaned;

  private LocalPostgresMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println("usage: LocalPostgresMain <port-file>");
      System.exit(2);
    }
    var user = required("POSTGRES_USER");
    var password = required("POSTGRES_PASSWORD");
    var database = System.getenv().getOrDefault("POSTGRES_DB", user);
    var server = LocalPostgres.start(new LocalPostgres.Spec(database, user, password));
    var stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        server.close();
        if (orphaned) {
          // the parent would have deleted it: the copied jars, the log, the port file (java.io.tmpdir is
          // this child's own work directory, see UnprivilegedPostgres)
          UnprivilegedPostgres.deleteRecursively(Path.of(System.getProperty("java.io.tmpdir")));
        }
      } catch (Exception e) {
        e.printStackTrace();
      } finally {
        stopped.countDown();
      }
    }));
    // written whole and then moved, so a reader never sees half a number
    var portFile = Path.of(args[0]);
    var partial = portFile.resolveSibling(portFile.getFileName() + ".partial");
    Files.writeString(partial, Integer.toString(server.port()));
    Files.move(partial, portFile, StandardCopyOption.ATOMIC_MOVE);
    System.out.println("PostgreSQL ready on port " + server.port() + ", database " + database + ", role " + user);
    var parent = System.getProperty(PARENT);
    if (parent != null) {
      watch(Long.parseLong(parent));
    }
    stopped.await();
  }

  /** Exits (the shutdown hook stops the server) once the parent process has ended. */
  private static void watch(long parent) {
    var watcher = new Thread(() -> {
      while (ProcessHandle.of(parent).map(ProcessHandle::isAlive).orElse(false)) {
        try {
          Thread.sleep(1000);
        } catch (InterruptedException e) {
          return;
        }
      }
      System.out.println("the parent process " + parent + " has ended: stopping PostgreSQL");
      orphaned = true;
      System.exit(0);
    }, "parent-watch");
    watcher.setDaemon(true);
    watcher.start();
  }

  private static String required(String name) {
    var value = System.getenv(name);
    if (value == null || value.isEmpty()) {
      System.err.println(name + " is not set");
      System.exit(2);
    }
    return value;
  }
}

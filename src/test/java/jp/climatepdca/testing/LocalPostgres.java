package jp.climatepdca.testing;

/**
 * A real PostgreSQL server for the prod profile's checks, from the binaries that come through Maven
 * (zonky), with one database owned by one password-protected role, as the postgres image creates them.
 * PostgreSQL refuses to run as root, so under root (containers, CI) the server runs in a child JVM as
 * the unprivileged user nobody; otherwise it runs in this JVM.
 */
public interface LocalPostgres extends AutoCloseable {

  /** The database, role and password that POSTGRES_DB, POSTGRES_USER and POSTGRES_PASSWORD name. */
  record Spec(String database, String user, String password) {}

  static LocalPostgres start(Spec spec) throws Exception {
    return isRoot() ? UnprivilegedPostgres.start(spec) : InProcessPostgres.start(spec);
  }

  int port();

  default String jdbcUrl(String database) {
    return "jdbc:postgresql://localhost:" + port() + "/" + database;
  }

  private static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }
}

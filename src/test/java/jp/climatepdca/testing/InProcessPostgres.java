package jp.climatepdca.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.SQLException;

/** The zonky server in this JVM (see {@link LocalPostgres}). */
final class InProcessPostgres implements LocalPostgres {

  // The superuser keeps trust (the set-up below needs it); every other role must give its password,
  // so a wrong DB_PASSWORD in compose.yaml fails here as it would against the postgres image.
  private static final String HBA = """
      local all all                trust
      host  all postgres 127.0.0.1/32 trust
      host  all postgres ::1/128      trust
      host  all all      127.0.0.1/32 scram-sha-256
      host  all all      ::1/128      scram-sha-256
      """;

  private final EmbeddedPostgres server;

  private InProcessPostgres(EmbeddedPostgres server) {
    this.server = server;
  }

  static InProcessPostgres start(Spec spec) throws IOException, SQLException {
    var server = EmbeddedPostgres.builder()
        .setDataDirectoryCustomizer(InProcessPostgres::requirePasswords)
        .start();
    try (var connection = server.getPostgresDatabase().getConnection();
        var statement = connection.createStatement()) {
      statement.execute("create role " + identifier(spec.user()) + " login password " + literal(spec.password()));
      statement.execute("create database " + identifier(spec.database()) + " owner " + identifier(spec.user()));
    } catch (SQLException | RuntimeException e) {
      server.close();
      throw e;
    }
    return new InProcessPostgres(server);
  }

  private static void requirePasswords(File dataDirectory) {
    try {
      Files.writeString(dataDirectory.toPath().resolve("pg_hba.conf"), HBA);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String identifier(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }

  static String literal(String value) {
    return "'" + value.replace("'", "''") + "'";
  }

  @Override
  public int port() {
    return server.getPort();
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}

package jp.climatepdca.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import jp.climatepdca.testing.StandaloneApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Upgrading an H2 database from before plan versions (docs/plan-versions.md): migrated to V13 and given a
 * plan with V13's columns, the application migrates the rest and, at its start, gives the plan its version 1
 * built from the tables; a revised file becomes version 2 with exactly its differences; a later start adds
 * nothing. (PostgreSQL, with two nodes at once: {@link PlanVersionOneUpgradePostgresTest}.)
 */
class PlanVersionOneUpgradeTest {

  private static final String TOWN = "961411";

  @TempDir
  Path directory;

  @Test
  void aPlanFromBeforeVersionsGetsItsVersionOneAtTheStartAndOnlyOnce() {
    var url = "jdbc:h2:file:" + directory.resolve("climate-pdca") + ";MODE=LEGACY;DB_CLOSE_ON_EXIT=FALSE";
    var old = PreVersionPlan.migrateToV13(url, "sa", "");
    PreVersionPlan.insertAtV13(old, TOWN);
    assertThat(old.queryForObject("select count(*) from information_schema.tables where lower(table_name) = 'plan_version'",
        Integer.class)).as("a database from before versions").isZero();

    var started = Instant.now();
    try (var app = StandaloneApp.start(directory, "versionOneTest")) {
      var db = app.getBean(JdbcTemplate.class);
      assertThat(PreVersionPlan.versionNumbers(db, TOWN)).containsExactly(1);
      var port = ((WebServerApplicationContext) app).getWebServer().getPort();
      PreVersionPlan.assertVersionOneThenRevision(port, "demo", TOWN, started);
      // the start-up step again (as a restart runs it): nothing left to build
      assertThat(app.getBean(FirstVersionFromTables.class).createMissing(Instant.now())).isEmpty();
      assertThat(PreVersionPlan.versionNumbers(db, TOWN)).containsExactly(1, 2);
    }
  }
}

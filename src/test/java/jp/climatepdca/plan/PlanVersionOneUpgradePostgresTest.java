package jp.climatepdca.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import jp.climatepdca.testing.LocalPostgres;
import jp.climatepdca.testing.LocalPostgresExtension;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Upgrading a PostgreSQL database from before plan versions: migrated to V13 with a plan in V13's columns
 * before the application starts, version 1 is built at the start; then two nodes' start-up steps at once on
 * another such plan (both waiting on its row, as two nodes started together do) build one version 1, not two.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@DirtiesContext // the engine must stop before the database does (see LocalPostgresExtension)
class PlanVersionOneUpgradePostgresTest {

  private static final String TOWN = "961412";
  private static final String TWO_NODES = "961413";
  private static final LocalPostgres.Spec DATABASE = new LocalPostgres.Spec("climatepdca", "climatepdca", "db-secret");
  private static Instant started;

  @RegisterExtension
  static final LocalPostgresExtension postgres = new LocalPostgresExtension(DATABASE);

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    postgres.datasource(registry);
  }

  @LocalServerPort
  int port;

  @Autowired
  JdbcTemplate db;

  @Autowired
  DataSource dataSource;

  @Autowired
  FirstVersionFromTables firstVersions;

  @BeforeAll
  static void databaseFromBeforeVersions() {
    var old = PreVersionPlan.migrateToV13(postgres.jdbcUrl(), DATABASE.user(), DATABASE.password());
    PreVersionPlan.insertAtV13(old, TOWN);
    started = Instant.now();
  }

  @Test
  void thePlanGetsItsVersionOneAtTheStartAndARevisionBecomesVersionTwo() {
    assertThat(PreVersionPlan.versionNumbers(db, TOWN)).containsExactly(1);
    PreVersionPlan.assertVersionOneThenRevision(port, "demo", TOWN, started);
  }

  @Test
  void twoNodesStartingTogetherBuildOneVersionOne() throws Exception {
    PreVersionPlan.insertUpgraded(db, TWO_NODES);
    var nodes = Executors.newFixedThreadPool(2);
    try (var other = dataSource.getConnection()) {
      // a third party holds the row (a plan load under way), so both nodes' steps are surely at the lock together
      other.setAutoCommit(false);
      try (var lock = other.prepareStatement("select code from municipality where code = ? for update")) {
        lock.setString(1, TWO_NODES);
        lock.executeQuery().close();
      }
      var now = Instant.now();
      var results = new ArrayList<CompletableFuture<List<String>>>();
      for (int i = 0; i < 2; i++) {
        results.add(CompletableFuture.supplyAsync(() -> firstVersions.createMissing(now), nodes));
      }
      Awaitility.await("both nodes wait for the row").atMost(Duration.ofSeconds(30)).until(() -> db.queryForObject(
          "select count(*) from pg_stat_activity where wait_event_type = 'Lock' and query like '%municipality%'",
          Integer.class) == 2);
      other.commit();
      var built = new ArrayList<String>();
      for (var result : results) {
        built.addAll(result.get(60, TimeUnit.SECONDS));
      }
      assertThat(built).as("the municipality, built by one node only").containsExactly(TWO_NODES);
    } finally {
      nodes.shutdownNow();
    }
    assertThat(PreVersionPlan.versionNumbers(db, TWO_NODES)).containsExactly(1);
    assertThat(db.queryForObject("select loaded_by from plan_version where municipality_code = ?", String.class, TWO_NODES))
        .isEqualTo("system");
  }
}

package jp.climatepdca.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import jp.climatepdca.testing.LocalPostgres;
import jp.climatepdca.testing.LocalPostgresExtension;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two nodes starting together on an empty PostgreSQL database: {@link EngineStartLock} makes the second
 * wait while the first builds its engine (and creates Camunda's tables), instead of both creating them.
 * Plain engines, as each node builds one, on pools of their own; no Spring.
 */
class EngineStartLockTest {

  private static final LocalPostgres.Spec DATABASE = new LocalPostgres.Spec("startlock", "startlock", "lock-secret");

  @RegisterExtension
  static final LocalPostgresExtension postgres = new LocalPostgresExtension(DATABASE);

  private final List<HikariDataSource> pools = new ArrayList<>();
  private final List<ProcessEngine> engines = new ArrayList<>();
  // a thread per node: the common pool has one thread on two CPUs, which would build them one by one
  private final ExecutorService nodes = Executors.newFixedThreadPool(2);

  @BeforeEach
  void emptyDatabase() throws SQLException {
    try (var connection = connect(); var statement = connection.createStatement()) {
      statement.execute("drop schema if exists public cascade");
      statement.execute("create schema public");
    }
  }

  @AfterEach
  void stopNodes() {
    nodes.shutdownNow();
    engines.forEach(ProcessEngine::close);
    pools.forEach(HikariDataSource::close);
  }

  @Test
  void aNodeBuildsItsEngineOnlyWhenNoOtherHoldsTheLock() throws Exception {
    try (var otherNode = connect(); var statement = otherNode.createStatement()) {
      statement.execute("select pg_advisory_lock(" + EngineStartLock.LOCK + ")");

      var build = CompletableFuture.supplyAsync(() -> buildEngine("waiting", new AbstractProcessEnginePlugin() { }), nodes);
      awaitOneWaiterOnTheLock(otherNode);
      assertThat(build).isNotDone();
      assertThat(camundaTables(otherNode)).as("Camunda's tables, created while the other node held the lock")
          .isZero();

      statement.execute("select pg_advisory_unlock(" + EngineStartLock.LOCK + ")");
      engines.add(build.get(120, TimeUnit.SECONDS));
      assertThat(camundaTables(otherNode)).isPositive();
      // given back although its pooled connection stays open
      try (var free = statement.executeQuery("select pg_try_advisory_lock(" + EngineStartLock.LOCK + ")")) {
        free.next();
        assertThat(free.getBoolean(1)).as("the lock is free once the engine stands").isTrue();
      }
    }
  }

  @Test
  void twoNodesStartingTogetherOnAnEmptyDatabaseBothStart() throws Exception {
    // both nodes are let go together just before Camunda looks for its tables, unless one waits for the
    // lock: then the other gives up waiting for it after 5 s and goes on alone
    var together = new CyclicBarrier(2);
    var first = CompletableFuture.supplyAsync(() -> buildEngine("first", new MeetBeforeTheSchema(together)), nodes);
    var second = CompletableFuture.supplyAsync(() -> buildEngine("second", new MeetBeforeTheSchema(together)), nodes);
    engines.add(first.get(120, TimeUnit.SECONDS));
    engines.add(second.get(120, TimeUnit.SECONDS));

    try (var connection = connect(); var statement = connection.createStatement();
        var rows = statement.executeQuery("select count(*) from act_ge_property where name_ = 'schema.version'")) {
      rows.next();
      assertThat(rows.getInt(1)).as("Camunda's schema, created once").isEqualTo(1);
    }
  }

  /** An engine that built itself without calling preInit first would have looked at its tables unlocked. */
  @Test
  void anEngineBuiltWithoutPreInitStopsTheStart() {
    var lock = new EngineStartLock(null);
    assertThatThrownBy(() -> lock.postProcessEngineBuild(null)).isInstanceOf(EngineHookMismatch.class)
        .hasMessageStartingWith("EngineStartLock no longer matches the process engine")
        .hasMessageContaining("without calling the plugin's preInit first");
    assertThatThrownBy(lock::verifyCalled).isInstanceOf(EngineHookMismatch.class)
        .hasMessageContaining("never called the plugin around its build");
  }

  /** Holds a node after its engine's configuration is done, until the other node gets there too. */
  private record MeetBeforeTheSchema(CyclicBarrier together) implements ProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
      try {
        together.await(5, TimeUnit.SECONDS);
      } catch (TimeoutException | BrokenBarrierException e) {
        // the other node waits for the lock: this one goes on alone
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
    }
  }

  private ProcessEngine buildEngine(String node, ProcessEnginePlugin testPlugin) {
    var pool = new HikariDataSource();
    pool.setJdbcUrl(postgres.jdbcUrl());
    pool.setUsername(DATABASE.user());
    pool.setPassword(DATABASE.password());
    pool.setMaximumPoolSize(4);
    synchronized (pools) {
      pools.add(pool);
    }
    var configuration = new StandaloneProcessEngineConfiguration();
    configuration.setProcessEngineName("startLock-" + node);
    configuration.setDataSource(pool);
    configuration.setDatabaseSchemaUpdate("true");
    configuration.setJobExecutorActivate(false);
    configuration.setProcessEnginePlugins(new ArrayList<>(List.of(new EngineStartLock(pool), testPlugin)));
    return configuration.buildProcessEngine();
  }

  private static void awaitOneWaiterOnTheLock(Connection connection) throws Exception {
    var deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    try (var statement = connection.createStatement()) {
      while (System.nanoTime() < deadline) {
        try (var rows = statement.executeQuery(
            "select count(*) from pg_locks where locktype = 'advisory' and not granted")) {
          rows.next();
          if (rows.getInt(1) == 1) {
            return;
          }
        }
        TimeUnit.MILLISECONDS.sleep(50);
      }
    }
    throw new AssertionError("no node waited for the engine start lock within 30 s");
  }

  private static int camundaTables(Connection connection) throws SQLException {
    try (var statement = connection.createStatement();
        var rows = statement.executeQuery("select count(*) from pg_tables where tablename like 'act\\_%'")) {
      rows.next();
      return rows.getInt(1);
    }
  }

  private static Connection connect() throws SQLException {
    return DriverManager.getConnection(postgres.jdbcUrl(), DATABASE.user(), DATABASE.password());
  }
}

package jp.climatepdca.engine;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL, lets one node of a cluster at a time build its process engine.
 *
 * <p>Camunda creates its tables while the engine is built. Two nodes starting together on an empty
 * database both find them missing and both create them; the slower one fails on a duplicate in
 * PostgreSQL's catalogue and the node exits (seen under podman-compose, which does not wait for
 * {@code app-1}'s health check as compose.yaml asks; an orchestrator that starts replicas together does
 * the same). So the engine is built under a session-level advisory lock, taken on a connection of its own
 * before the build and given back once the engine stands: the second node waits, then finds the tables.
 * A node that dies meanwhile loses its connection, and PostgreSQL the lock with it. Nothing changes on H2.
 *
 * <p>The hook is the order in which the engine calls its plugins: {@code preInit} before it looks at its
 * tables, {@code postProcessEngineBuild} once it stands. An engine that built itself without calling
 * {@code preInit} first, or never called this plugin, would create its tables unlocked again, silently;
 * so either stops the start ({@link EngineHookMismatch}).
 */
@Component
class EngineStartLock extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(EngineStartLock.class);
  /** Any fixed number other than {@link PostgresTaskQueryTuning}'s: the key the nodes take in turn. */
  static final long LOCK = 0x636c696d61746532L;

  private final DataSource dataSource;
  /** The connection holding the lock while this node's engine is built; null on H2 and once released. */
  private Connection holder;
  private volatile boolean preInitCalled;
  private volatile boolean built;

  EngineStartLock(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    preInitCalled = true;
    Connection connection = null;
    try {
      connection = dataSource.getConnection();
      if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
        connection.close();
        return;
      }
      LOG.info("Waiting for any other node building its engine on this database");
      try (var statement = connection.createStatement()) {
        statement.execute("select pg_advisory_lock(" + LOCK + ")");
      }
      holder = connection;
    } catch (SQLException e) {
      discard(connection);
      throw new ProcessEngineException("cannot take the engine start lock on the database", e);
    }
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    if (!preInitCalled) {
      throw new EngineHookMismatch(EngineStartLock.class, "the engine was built without calling the plugin's"
          + " preInit first, so it looked at its tables without the start lock");
    }
    built = true;
    var connection = holder;
    if (connection == null) {
      return;
    }
    holder = null;
    // unlocked before the connection goes back to the pool: a pooled connection would keep the lock
    try (var statement = connection.createStatement()) {
      statement.execute("select pg_advisory_unlock(" + LOCK + ")");
      connection.close();
    } catch (SQLException e) {
      LOG.warn("Could not give the engine start lock back; closing its connection instead", e);
      discard(connection);
    }
  }

  /** The engine called this plugin around its build: a plugin it never calls locks nothing. */
  @EventListener(ApplicationReadyEvent.class)
  void verifyCalled() {
    if (!built) {
      throw new EngineHookMismatch(EngineStartLock.class, "the engine never called the plugin around its build");
    }
  }

  /** Ends the connection's session, and any lock with it, rather than handing it back to the pool. */
  private static void discard(Connection connection) {
    if (connection == null) {
      return;
    }
    try {
      connection.abort(Runnable::run);
    } catch (SQLException e) {
      LOG.warn("Could not abort the engine start lock's connection", e);
    }
  }
}

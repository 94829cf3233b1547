package jp.climatepdca.engine;

import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On PostgreSQL, lets the Tasklist task count of a department with many open tasks answer at all.
 *
 * <p>Camunda gives each candidate group one authorization row per task, and its task query joins them
 * with {@code AUTH.RESOURCE_ID_ IN (task id, process key, '*')} and {@code PERMS_ & n = n}. PostgreSQL
 * has no statistics for {@code PERMS_ & n}, so it guesses that about 100 rows of 20,000 match and joins
 * every open task against all of them: with 20,000 tasks of one department the count did not answer in
 * minutes and kept a database core busy after the client had given up (LargeCityBenchmark). Statistics
 * on those two expressions (READ = 2 on tasks, READ_TASK = 64 on process definitions) give the planner
 * the true number, and it looks each task's authorization up by index instead (about half a second for
 * 20,000); a partial index over the authorizations such a query can match (grants and global ones, on
 * tasks and process definitions) makes each look-up smaller. Camunda creates its own tables, so this
 * runs after the engine is up; each statement is idempotent, and the advisory lock lets only one node
 * of a cluster do it at a time. Nothing changes on H2 (the development database).
 *
 * <p>The statistics only help a plan made for the values at hand; {@link PostgresTaskQueries} sees to
 * it that the task queries get one.
 *
 * <p>The index and the statistics are written with Camunda's numbers: grant and global authorizations
 * ({@code type_ < 2}: not revokes), the resource types of tasks (7) and process definitions (6), the permission bits
 * READ (2) and READ_TASK (64). An engine that numbered them otherwise would leave both unused without
 * an error, so {@link #verify} compares them with the engine's own constants when the bean is made.
 */
@Component
class PostgresTaskQueryTuning {

  private static final Logger LOG = LoggerFactory.getLogger(PostgresTaskQueryTuning.class);
  /** Any fixed number: the key of the advisory lock the nodes take in turn. */
  private static final long LOCK = 0x636c696d61746531L;
  /** The numbers in the SQL below: {@code type_ < 2}, {@code resource_type_ in (6, 7)}, {@code perms_ & 2}, {@code & 64}. */
  static final Map<String, Integer> WRITTEN_WITH = Map.of("Authorization.AUTH_TYPE_GLOBAL", 0,
      "Authorization.AUTH_TYPE_GRANT", 1, "Authorization.AUTH_TYPE_REVOKE", 2, "Resources.PROCESS_DEFINITION", 6, "Resources.TASK", 7,
      "Permissions.READ", 2, "Permissions.READ_TASK", 64);

  private final DataSource dataSource;
  private final JdbcTemplate db;
  private final TransactionTemplate transaction;

  PostgresTaskQueryTuning(DataSource dataSource, JdbcTemplate db, TransactionTemplate transaction) {
    verify(Map.of("Authorization.AUTH_TYPE_GLOBAL", Authorization.AUTH_TYPE_GLOBAL,
        "Authorization.AUTH_TYPE_GRANT", Authorization.AUTH_TYPE_GRANT,
        "Authorization.AUTH_TYPE_REVOKE", Authorization.AUTH_TYPE_REVOKE,
        "Resources.PROCESS_DEFINITION", Resources.PROCESS_DEFINITION.resourceType(),
        "Resources.TASK", Resources.TASK.resourceType(),
        "Permissions.READ", Permissions.READ.getValue(),
        "Permissions.READ_TASK", Permissions.READ_TASK.getValue()));
    this.dataSource = dataSource;
    this.db = db;
    this.transaction = transaction;
  }

  /** The engine's numbers, by the name of their constant, are the ones the SQL below is written with. */
  static void verify(Map<String, Integer> engine) {
    var differing = new TreeMap<String, String>();
    WRITTEN_WITH.forEach((name, value) -> {
      if (!value.equals(engine.get(name))) {
        differing.put(name, "engine " + engine.get(name) + ", the SQL " + value);
      }
    });
    if (!differing.isEmpty()) {
      throw new EngineHookMismatch(PostgresTaskQueryTuning.class, "the index and statistics are written with"
          + " other numbers than the engine's: " + differing);
    }
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(-10)
  void tune() throws Exception {
    String product = JdbcUtils.extractDatabaseMetaData(dataSource, meta -> meta.getDatabaseProductName());
    if (!"PostgreSQL".equals(product)) {
      return;
    }
    transaction.executeWithoutResult(status -> {
      db.queryForList("select pg_advisory_xact_lock(?)", LOCK);
      db.execute("create index if not exists cp_idx_auth_task_read on act_ru_authorization (resource_id_)"
          + " where type_ < 2 and resource_type_ in (6, 7)");
      db.execute("create statistics if not exists cp_stat_auth_read on ((perms_ & 2)) from act_ru_authorization");
      db.execute("create statistics if not exists cp_stat_auth_read_task on ((perms_ & 64))"
          + " from act_ru_authorization");
      // Statistics are empty until the next ANALYZE, which autovacuum runs only after many changes: new
      // ones, and those of a restored dump (pg_dump keeps the definitions, not the data). Once filled,
      // autovacuum keeps them current, so later starts need not analyze again.
      var filled = db.queryForObject("select count(*) from pg_stats_ext_exprs where statistics_name in"
          + " ('cp_stat_auth_read', 'cp_stat_auth_read_task') and null_frac is not null", Integer.class);
      if (filled < 2) {
        db.execute("analyze act_ru_authorization");
      }
    });
    LOG.info("PostgreSQL: index and statistics for Camunda's task authorization check are in place");
  }
}

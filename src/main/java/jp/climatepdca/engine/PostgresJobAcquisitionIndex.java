package jp.climatepdca.engine;

import javax.sql.DataSource;
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
 * On PostgreSQL, lets the job executor find its due jobs without reading every job.
 *
 * <p>Every open user task carries four reminder timers (docs/reminders.md), dated 9999-12-31 until
 * {@link TimeoutListenerDates} writes their dates, so the national case keeps about 400,000 rows in
 * ACT_RU_JOB of which a handful are due. Each acquisition cycle of each node asks for jobs with
 * {@code DUEDATE_ is null or DUEDATE_ <= now}, and Camunda's PostgreSQL schema has no index on
 * {@code DUEDATE_}: the statement read the whole table every cycle (JobAcquisitionBenchmark; the numbers
 * are in docs/performance.md). A plain index on the column answers both halves of the condition (a btree
 * keeps the nulls), so the planner reads only the due rows. It is one timestamp per job: cheap for the
 * job table's frequent inserts and deletes. Camunda creates its own tables, so this runs after the engine
 * is up; the statement is idempotent, and the advisory lock lets only one node of a cluster create it
 * (two at once could collide on the catalogue). Nothing changes on H2 (the development database).
 */
@Component
class PostgresJobAcquisitionIndex {

  private static final Logger LOG = LoggerFactory.getLogger(PostgresJobAcquisitionIndex.class);
  /** Any fixed number other than PostgresTaskQueryTuning's and EngineStartLock's. */
  private static final long LOCK = 0x636c696d61746533L;
  static final String INDEX = "cp_idx_job_duedate";

  private final DataSource dataSource;
  private final JdbcTemplate db;
  private final TransactionTemplate transaction;

  PostgresJobAcquisitionIndex(DataSource dataSource, JdbcTemplate db, TransactionTemplate transaction) {
    this.dataSource = dataSource;
    this.db = db;
    this.transaction = transaction;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(-10)
  void create() throws Exception {
    String product = JdbcUtils.extractDatabaseMetaData(dataSource, meta -> meta.getDatabaseProductName());
    if (!"PostgreSQL".equals(product)) {
      return;
    }
    transaction.executeWithoutResult(status -> {
      db.queryForList("select pg_advisory_xact_lock(?)", LOCK);
      db.execute("create index if not exists " + INDEX + " on act_ru_job (duedate_)");
    });
    LOG.info("PostgreSQL: index for the job executor's acquisition of due jobs is in place");
  }
}

package jp.climatepdca.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import jp.climatepdca.testing.ProdProfileOnPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The index the job executor's acquisition reads on PostgreSQL is there once the application has started,
 * and a later start (another node, a restart) leaves it as it is. What it does to the acquisition's plan
 * and time is measured by JobAcquisitionBenchmark (docs/performance.md).
 */
@SpringBootTest
class PostgresJobAcquisitionIndexTest extends ProdProfileOnPostgres {

  @Autowired
  JdbcTemplate db;

  @Autowired
  PostgresJobAcquisitionIndex index;

  @Test
  void theDueDateIndexExistsAfterStartAndAnotherStartKeepsIt() throws Exception {
    assertThat(definitions()).containsExactly(
        "CREATE INDEX cp_idx_job_duedate ON public.act_ru_job USING btree (duedate_)");
    index.create();
    assertThat(definitions()).hasSize(1);
    // a database restored without it (or dropped by hand) gets it back at the next start
    db.execute("drop index " + PostgresJobAcquisitionIndex.INDEX);
    assertThat(definitions()).isEmpty();
    index.create();
    assertThat(definitions()).hasSize(1);
  }

  private List<String> definitions() {
    return db.queryForList("select indexdef from pg_indexes where tablename = 'act_ru_job' and indexname = ?",
        String.class, PostgresJobAcquisitionIndex.INDEX);
  }
}

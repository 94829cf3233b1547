package jp.climatepdca.deadline;

import jp.climatepdca.testing.LocalPostgres;
import jp.climatepdca.testing.LocalPostgresExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * DeadlinesTest on a real PostgreSQL: the due dates, the overdue API's query (tenant, business key, due date) and
 * the 期限超過 filter in Chromium through the rewritten Tasklist task queries (engine.PostgresTaskQueries), with the
 * other town's overdue task of the same name and dates absent.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@DirtiesContext // the engine must stop before the database does (see LocalPostgresExtension)
class OverduePostgresTest extends DeadlinesTest {

  private static final LocalPostgres.Spec DATABASE = new LocalPostgres.Spec("climatepdca", "climatepdca", "db-secret");

  @RegisterExtension
  static final LocalPostgresExtension postgres = new LocalPostgresExtension(DATABASE);

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    postgres.datasource(registry);
  }
}

package jp.climatepdca.opinion;

import jp.climatepdca.testing.LocalPostgres;
import jp.climatepdca.testing.LocalPostgresExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * OpinionTriageTest on a real PostgreSQL: the triage's refusals roll back the engine's transaction with our
 * table's rows (nothing half-saved), the merge's foreign key and the report's snapshot, page, PDF, CSV and JSON.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@DirtiesContext // the engine must stop before the database does (see LocalPostgresExtension)
class OpinionTriagePostgresTest extends OpinionTriageTest {

  private static final LocalPostgres.Spec DATABASE = new LocalPostgres.Spec("climatepdca", "climatepdca", "db-secret");

  @RegisterExtension
  static final LocalPostgresExtension postgres = new LocalPostgresExtension(DATABASE);

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    postgres.datasource(registry);
  }
}

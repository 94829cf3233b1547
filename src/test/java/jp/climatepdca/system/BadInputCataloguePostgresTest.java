package jp.climatepdca.system;

import jp.climatepdca.testing.LocalPostgres;
import jp.climatepdca.testing.LocalPostgresExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole bad-input catalogue on a real PostgreSQL, as production stores it: the same cases, the same
 * demo users and plan, the same checks that nothing was stored and nothing was logged as an error.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@DirtiesContext // the engine must stop before the database does (see LocalPostgresExtension)
class BadInputCataloguePostgresTest extends BadInputCatalogueTest {

  private static final LocalPostgres.Spec DATABASE = new LocalPostgres.Spec("climatepdca", "climatepdca", "db-secret");

  @RegisterExtension
  static final LocalPostgresExtension postgres = new LocalPostgresExtension(DATABASE);

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    postgres.datasource(registry);
  }
}

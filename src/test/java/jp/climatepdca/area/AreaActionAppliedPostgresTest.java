package jp.climatepdca.area;

import jp.climatepdca.testing.LocalPostgres;
import jp.climatepdca.testing.LocalPostgresExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The area's Action applied to the members' next-year plans again on a real PostgreSQL: V18's columns, the
 * replaced member decision written by the notification's job, the read of earlier years' discards.
 */
@DirtiesContext // the engine must stop before the database does (see LocalPostgresExtension)
class AreaActionAppliedPostgresTest extends AreaActionAppliedTest {

  @RegisterExtension
  static final LocalPostgresExtension postgres = new LocalPostgresExtension(
      new LocalPostgres.Spec("areaaction", "areaaction", "areaaction-secret"));

  @DynamicPropertySource
  static void postgresInsteadOfH2(DynamicPropertyRegistry registry) {
    // the engine keeps the name "default": /engine-rest and Tasklist find it (JvmWideCamunda registers the
    // engine of the running test's context again before each test)
    postgres.datasource(registry);
  }
}

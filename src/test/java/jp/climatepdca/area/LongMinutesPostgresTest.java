package jp.climatepdca.area;

import jp.climatepdca.testing.LocalPostgres;
import jp.climatepdca.testing.LocalPostgresExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Long minutes again on a real PostgreSQL, where Camunda's text columns are VARCHAR(4000) as on H2 and a long
 * String goes to the byte array table's bytea (engine/LongStrings).
 */
@DirtiesContext // the engine must stop before the database does (see LocalPostgresExtension)
class LongMinutesPostgresTest extends LongMinutesTest {

  private static final LocalPostgres.Spec DATABASE = new LocalPostgres.Spec("longtexts", "longtexts", "longtexts-secret");

  @RegisterExtension
  static final LocalPostgresExtension postgres = new LocalPostgresExtension(DATABASE);

  @DynamicPropertySource
  static void postgresInsteadOfH2(DynamicPropertyRegistry registry) {
    postgres.datasource(registry);
    // engines are registered JVM-wide by name: this context's must not replace the other tests' "default"
    registry.add("camunda.bpm.process-engine-name", () -> "longMinutesPostgres");
  }
}

package jp.climatepdca.area;

import jp.climatepdca.testing.LocalPostgres;
import jp.climatepdca.testing.LocalPostgresExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The area's compilation and publication again on a real PostgreSQL: V12 and the row locks, the stored files
 * (bytea), the reads of the newest version (fetch first) and the JSON snapshots as production runs them.
 */
@DirtiesContext // the engine must stop before the database does (see LocalPostgresExtension)
class AreaReportPublicationPostgresTest extends AreaReportPublicationTest {

  private static final LocalPostgres.Spec DATABASE = new LocalPostgres.Spec("areareport", "areareport",
      "areareport-secret");

  @RegisterExtension
  static final LocalPostgresExtension postgres = new LocalPostgresExtension(DATABASE);

  @DynamicPropertySource
  static void postgresInsteadOfH2(DynamicPropertyRegistry registry) {
    postgres.datasource(registry);
    // engines are registered JVM-wide by name: this context's must not replace the other tests' "default"
    registry.add("camunda.bpm.process-engine-name", () -> "areaReportPostgres");
  }
}

package jp.climatepdca.area;

import jp.climatepdca.testing.LocalPostgres;
import jp.climatepdca.testing.LocalPostgresExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Area indicators of every kind again on a real PostgreSQL: V19 (area_indicator's new columns, the targets
 * table filled from the old rows), the shared entity mapping and the graded compilation's JSON.
 */
@DirtiesContext // the engine must stop before the database does (see LocalPostgresExtension)
class AreaIndicatorKindsPostgresTest extends AreaIndicatorKindsTest {

  private static final LocalPostgres.Spec DATABASE = new LocalPostgres.Spec("areaindicators", "areaindicators",
      "areaindicators-secret");

  @RegisterExtension
  static final LocalPostgresExtension postgres = new LocalPostgresExtension(DATABASE);

  @DynamicPropertySource
  static void postgresInsteadOfH2(DynamicPropertyRegistry registry) {
    postgres.datasource(registry);
    // engines are registered JVM-wide by name: this context's must not replace the other tests' "default"
    registry.add("camunda.bpm.process-engine-name", () -> "areaIndicatorsPostgres");
  }
}

package jp.climatepdca.area;

import jp.climatepdca.testing.LocalPostgres;
import jp.climatepdca.testing.LocalPostgresExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The area's entered indicator values again on a real PostgreSQL: V29 (area_indicator_actual), the shared
 * actual-value mapping (plan.ActualValueColumns), the refused rows leaving nothing and the compilation's JSON.
 */
@DirtiesContext // the engine must stop before the database does (see LocalPostgresExtension)
class AreaIndicatorActualsPostgresTest extends AreaIndicatorActualsTest {

  private static final LocalPostgres.Spec DATABASE = new LocalPostgres.Spec("areaactuals", "areaactuals",
      "areaactuals-secret");

  @RegisterExtension
  static final LocalPostgresExtension postgres = new LocalPostgresExtension(DATABASE);

  @DynamicPropertySource
  static void postgresInsteadOfH2(DynamicPropertyRegistry registry) {
    postgres.datasource(registry);
    // engines are registered JVM-wide by name: this context's must not replace the other tests' "default"
    registry.add("camunda.bpm.process-engine-name", () -> "areaActualsPostgres");
  }
}

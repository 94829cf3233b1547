package jp.climatepdca.system;

import jp.climatepdca.testing.LocalPostgres;
import jp.climatepdca.testing.LocalPostgresExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole role × endpoint × task matrix again on a real PostgreSQL (the task queries are rewritten
 * there, see PostgresTaskQueries, and the engine's SQL differs): the demo users and plan, the database
 * PostgreSQL instead of H2, the engine under a name of its own, addressed by name through both doors.
 */
@DirtiesContext // the engine must stop before the database does (see LocalPostgresExtension)
class SecurityMatrixPostgresTest extends SecurityMatrixTest {

  private static final LocalPostgres.Spec DATABASE = new LocalPostgres.Spec("matrix", "matrix", "matrix-secret");

  @RegisterExtension
  static final LocalPostgresExtension postgres = new LocalPostgresExtension(DATABASE);

  @DynamicPropertySource
  static void postgresInsteadOfH2(DynamicPropertyRegistry registry) {
    postgres.datasource(registry);
    // engines are registered JVM-wide by name: this context's must not replace the other tests' "default"
    registry.add("camunda.bpm.process-engine-name", () -> "securityMatrixPostgres");
  }
}

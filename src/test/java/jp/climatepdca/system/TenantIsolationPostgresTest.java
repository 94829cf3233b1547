package jp.climatepdca.system;

import jp.climatepdca.testing.LocalPostgres;
import jp.climatepdca.testing.LocalPostgresExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Town A's users on town B's task, instances, history and /api again on a real PostgreSQL, where the task
 * queries are rewritten (PostgresTaskQueries): the rewrite must keep Camunda's tenant check.
 */
@DirtiesContext // the engine must stop before the database does (see LocalPostgresExtension)
class TenantIsolationPostgresTest extends TenantIsolationTest {

  private static final LocalPostgres.Spec DATABASE = new LocalPostgres.Spec("tenants", "tenants", "tenants-secret");

  @RegisterExtension
  static final LocalPostgresExtension postgres = new LocalPostgresExtension(DATABASE);

  @DynamicPropertySource
  static void postgresInsteadOfH2(DynamicPropertyRegistry registry) {
    postgres.datasource(registry);
    // engines are registered JVM-wide by name: this context's must not replace the other tests' "default"
    registry.add("camunda.bpm.process-engine-name", () -> "tenantIsolationPostgres");
  }
}

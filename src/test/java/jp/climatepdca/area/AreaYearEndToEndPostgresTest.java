package jp.climatepdca.area;

import java.util.List;
import jp.climatepdca.testing.LocalPostgres;
import jp.climatepdca.testing.LocalPostgresExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The area's whole year again on a real PostgreSQL (embedded, authorizations and tenants on), as
 * AreaYearEndToEndTest runs it on H2: an area of three members through the REST API, each town's users doing
 * their own tasks, the area's users the area's, from POST /api/area-cycles over the late member, the liaison
 * meeting's return and the re-submission, to every member's end and the area's public page, PDF and CSV.
 * Three members keep it short (CI runs everything on two cores); the 18 members' size runs on H2 there and
 * on PostgreSQL in AreaYearBenchmark.
 */
@DirtiesContext // the engine must stop before the database does (see LocalPostgresExtension)
class AreaYearEndToEndPostgresTest extends AreaYearEndToEndTest {

  private static final LocalPostgres.Spec DATABASE = new LocalPostgres.Spec("areayear", "areayear", "areayear-secret");

  @RegisterExtension
  static final LocalPostgresExtension postgres = new LocalPostgresExtension(DATABASE);

  @DynamicPropertySource
  static void postgresInsteadOfH2(DynamicPropertyRegistry registry) {
    postgres.datasource(registry);
    // engines are registered JVM-wide by name: this context's must not replace the other tests' "default"
    registry.add("camunda.bpm.process-engine-name", () -> "areaYearPostgres");
  }

  @Override
  String areaCode() {
    return "area962";
  }

  @Override
  List<String> memberCodes() {
    return List.of("961201", "961202", "961203");
  }
}

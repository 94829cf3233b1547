package jp.climatepdca.emission;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import jp.climatepdca.plan.PlanImportService;
import jp.climatepdca.plan.PlanService;

/** Towns of their own for the emission tests, so their years never meet another test's figures. */
final class EmissionTestTown {

  private EmissionTestTown() {}

  static void ensure(PlanService plan, PlanImportService importer, String code, int baseYear) {
    if (plan.findMunicipality(code).isPresent()) {
      return;
    }
    importer.importPlan(new ByteArrayInputStream("""
        {"municipality": {"code": "%s", "name": "かえで町", "baseYear": %d},
         "departments": [{"code": "kankyo", "name": "環境課"}],
         "measures": [{"code": "K-01", "department": "kankyo", "name": "省エネ診断", "sector": "COMMERCIAL",
                       "kind": "IMPLEMENTATION"}]}
        """.formatted(code, baseYear).getBytes(StandardCharsets.UTF_8)));
  }
}

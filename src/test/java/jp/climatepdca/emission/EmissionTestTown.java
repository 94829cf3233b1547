package jp.climatepdca.emission;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import jp.climatepdca.plan.PlanImportService;
import jp.climatepdca.plan.PlanService;

/** A town of its own for the emission tests, so their years never meet another test's figures. */
final class EmissionTestTown {

  static final String CODE = "333333";

  private EmissionTestTown() {}

  static void ensure(PlanService plan, PlanImportService importer) {
    if (plan.findMunicipality(CODE).isPresent()) {
      return;
    }
    importer.importPlan(new ByteArrayInputStream("""
        {"municipality": {"code": "333333", "name": "かえで町", "baseYear": 2013},
         "departments": [{"code": "kankyo", "name": "環境課"}],
         "measures": [{"code": "K-01", "department": "kankyo", "name": "省エネ診断", "sector": "COMMERCIAL",
                       "kind": "IMPLEMENTATION"}]}
        """.getBytes(StandardCharsets.UTF_8)));
  }
}

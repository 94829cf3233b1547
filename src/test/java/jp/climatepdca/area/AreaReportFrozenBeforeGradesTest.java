package jp.climatepdca.area;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import jp.climatepdca.plan.PlanImportService;
import jp.climatepdca.testing.AppTest;
import jp.climatepdca.testing.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A report published before area indicators were graded prints as it did: area/frozen-area969-2022.json is
 * what the release before stored for area969's FY2022 report, and area/frozen-area969-2022.html the public
 * page that release rendered from it (both taken from a run of that release). The page from the same stored
 * content must be the same bytes, the charts' JSON in their data-chart attributes too: no grade columns, the
 * targets as they were. (The charts' option keys came out of a Map.of in that release, in an order that changed
 * with every JVM start; the golden page's attributes were rewritten once in the fixed order ReportCharts writes
 * since 7780766, after checking that each parses to the same JSON as the release's.)
 */
@AppTest
class AreaReportFrozenBeforeGradesTest {

  private static final String AREA = "area969";

  @LocalServerPort
  int port;

  @Autowired
  PlanImportService plans;

  @Autowired
  AreaPlanService areas;

  @Autowired
  JdbcTemplate db;

  @Test
  void aReportFrozenBeforeGradesRendersByteForByteAsBefore() throws IOException {
    ensureArea();
    if (db.queryForObject("select count(*) from area_report where area_code = ? and fiscal_year = 2022", Integer.class,
        AREA) == 0) {
      db.update("insert into area_report (area_code, fiscal_year, version, compilation_number, content, published_by,"
          + " published_at) values (?, 2022, 1, 1, ?, 'test', ?)", AREA, resource("frozen-area969-2022.json"),
          Timestamp.from(Instant.parse("2026-12-07T04:34:43.929619649Z")));
    }
    var page = Http.as(port, "demo").get("/public/areas/" + AREA + "/2022");

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).isEqualTo(resource("frozen-area969-2022.html"));
    assertThat(page.body()).contains("<thead><tr><th>指標</th><th class=\"num\">基準値</th><th class=\"num\">目標値</th>"
        + "<th class=\"num\">実績値</th><th class=\"num\">基準値比</th></tr></thead>");
  }

  private void ensureArea() {
    if (areas.find(AREA).isPresent()) {
      return;
    }
    for (var town : new String[] {"961901", "961902", "961903"}) {
      plans.importPlan(new ByteArrayInputStream("""
          {"municipality": {"code": "%s", "name": "指標町%s", "baseYear": 2013},
           "departments": [{"code": "kankyo", "name": "環境課"}],
           "measures": [{"code": "M-01", "department": "kankyo", "name": "省エネ", "sector": "HOUSEHOLD",
                         "kind": "IMPLEMENTATION"}]}
          """.formatted(town, town).getBytes(StandardCharsets.UTF_8)));
    }
    var file = """
        {"area": {"code": "area969", "name": "指標の種類の圏域", "lead": "961901", "firstYear": 2021, "lastYear": 2030,
                  "baseYear": 2013, "resultDeadline": "10-31"},
         "members": [{"code": "961901"}, {"code": "961902"}, {"code": "961903"}],
         "measures": [{"code": "AM-01", "name": "共同の省エネ", "sector": "HOUSEHOLD", "keyProject": true,
                       "members": [{"municipality": "961901", "kind": "IMPLEMENTATION", "measure": "M-01"}]}],
         "emissionTargets": [{"year": 2030, "reductionPercent": 46}]}
        """;
    var loaded = Http.as(port, "demo").post("/api/areas", "application/json", file.getBytes(StandardCharsets.UTF_8));
    assertThat(loaded.status()).as(loaded.toString()).isEqualTo(200);
  }

  private static String resource(String name) throws IOException {
    try (var in = AreaReportFrozenBeforeGradesTest.class.getResourceAsStream("/area/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}

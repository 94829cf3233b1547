package jp.climatepdca.area;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import jp.climatepdca.emission.AcceptedInventories;
import jp.climatepdca.evaluation.IndicatorGradeView;
import jp.climatepdca.plan.PlanImportService;
import jp.climatepdca.testing.AppTest;
import jp.climatepdca.testing.Http;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An area file with one indicator of each kind (docs/indicators.md) loads through POST /api/areas, is stored
 * with its kind and every target, and each indicator is graded by the plan's rules in the area's compilation
 * (engine, database): the area's compiled GHG totals are the actual values of its tonne indicators, two years'
 * compilations give 前年度比減少; the report shows each grade with what it compared. Bad entries are refused
 * with the plan file's messages and nothing is stored.
 */
@AppTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AreaIndicatorKindsTest {

  private static final String AREA = "area969";
  private static final String[] TOWNS = {"961901", "961902", "961903"};

  @LocalServerPort
  int port;

  @Autowired
  ApplicationContext context;

  @Autowired
  PlanImportService plans;

  @Autowired
  AreaCompilationService compilations;

  @Autowired
  AreaReportService reports;

  @Autowired
  JdbcTemplate db;

  @BeforeAll
  void membersWithThreeYearsOfEmissions() {
    for (var town : TOWNS) {
      plans.importPlan(new ByteArrayInputStream("""
          {"municipality": {"code": "%s", "name": "指標町%s", "baseYear": 2013},
           "departments": [{"code": "kankyo", "name": "環境課"}],
           "measures": [{"code": "M-01", "department": "kankyo", "name": "省エネ", "sector": "HOUSEHOLD",
                         "kind": "IMPLEMENTATION"}]}
          """.formatted(town, town).getBytes(StandardCharsets.UTF_8)));
      // 6,000 t in 2013, 4,500 t in 2024, 3,600 t in 2025 for the area
      emissions(town, 2013, 2000);
      emissions(town, 2024, 1500);
      emissions(town, 2025, 1200);
      AcceptedInventories.accept(context, town, 2024);
      AcceptedInventories.accept(context, town, 2025);
    }
  }

  @Test
  void everyKindLoadsAndIsGradedInTheCompilationAndTheReport() {
    var loaded = Http.as(port, "demo").post("/api/areas", "application/json", file().getBytes(StandardCharsets.UTF_8));
    assertThat(loaded.status()).as(loaded.toString()).isEqualTo(200);
    assertThat(db.queryForList("select code || ':' || kind from area_indicator where area_code = ? order by position",
        String.class, AREA)).containsExactly("AGHG:PATH", "AMAINT:MAINTAIN", "AMOST:AT_MOST", "AYOY:YEAR_ON_YEAR_DECREASE",
            "ALEAST:AT_LEAST", "ASTAGE:STAGES");
    assertThat(db.queryForObject("select count(*) from area_indicator_target t join area_indicator i"
        + " on i.id = t.area_indicator_id where i.area_code = ?", Integer.class, AREA)).isEqualTo(6);

    // FY2026 reviews 2025 and counts the 2024 inventories: 4,500 t
    var first = graded(compilations.compile(AREA, 2026, "test"));
    assertThat(first.get("AGHG").grade().name()).as("4.5 against the path 6 → 4 (2025) at 2024: 4.1667").isEqualTo("BEHIND");
    assertThat(first.get("AGHG").comparedLabel()).isEqualTo("2025年度の目標 4");
    assertThat(first.get("AMAINT").grade().name()).isEqualTo("NOT_MAINTAINED");
    assertThat(first.get("AMOST").grade().name()).as("0.45 万t ≤ 0.5").isEqualTo("ACHIEVED");
    assertThat(first.get("AYOY").grade().name()).isEqualTo("NO_PREVIOUS_YEAR");
    assertThat(first.get("ALEAST").grade().name()).isEqualTo("NO_DATA");
    assertThat(first.get("ASTAGE").grade().name()).isEqualTo("NO_DATA");
    assertThat(first.get("ASTAGE").targetsLabel()).isEqualTo("2025年度 検討中 / 2028年度 完了");
    assertThat(first.get("ALEAST").measureName()).isEqualTo("共同の省エネ");

    // FY2027 counts 3,600 t of 2025, and the year before's compilation gives 2024's 4,500 t
    var second = graded(compilations.compile(AREA, 2027, "test"));
    assertThat(second.get("AGHG").grade().name()).isEqualTo("ACHIEVED");
    assertThat(second.get("AMAINT").grade().name()).isEqualTo("MAINTAINED");
    assertThat(second.get("AYOY").grade().name()).isEqualTo("DECREASED");
    assertThat(second.get("AYOY").comparedLabel()).isEqualTo("前年度（2024年度）の実績 4500");
    assertThat(second.get("AYOY").staleNote()).as("0 years allowed, 2025 against the reviewed 2026")
        .startsWith("データが古い（最新の実績は2025年度");
    assertThat(compilations.latest(AREA, 2027).map(c -> graded(c).get("AYOY").gradeLabel())).contains("前年度比減少");

    reports.publish(AREA, 2027, "test");
    var page = Http.as(port, "demo").get("/public/areas/" + AREA + "/2027");
    assertThat(page.body()).contains("評価の根拠・注記", "前年度比減少", "維持", "以下", "段階", "データなし",
        "前年度（2024年度）の実績 4500", "2025年度 検討中 / 2028年度 完了", "データが古い", "/indicators.csv");
    var csv = Http.as(port, "demo").get("/public/areas/" + AREA + "/2027/indicators.csv");
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.body()).contains("指標の種類", "評価で比べた値", "\"AYOY\"", "\"前年度比減少\"", "\"前年度（2024年度）の実績 4500\"",
        "\"ASTAGE\"", "\"データなし\"");
  }

  @Test
  void badEntriesAreRefusedWithThePlansMessagesAndNothingIsStored() {
    var bad = file().replace("\"code\": \"area969\"", "\"code\": \"area969b\"")
        .replace("\"kind\": \"維持\"", "\"kind\": \"保つ\"")
        .replace("\"kind\": \"前年度比減少\"", "\"kind\": \"前年度比減少\", \"targets\": [{\"year\": 2030, \"value\": 1}]")
        .replace("{\"year\": 2025, \"stage\": \"検討中\"}", "{\"year\": 2025, \"stage\": \"構想中\"}")
        .replace("\"maxDataAgeYears\": 0", "\"maxDataAgeYears\": 21, \"department\": \"kankyo\"");
    var response = Http.as(port, "demo").post("/api/areas", "application/json", bad.getBytes(StandardCharsets.UTF_8));
    response.assertProblem(400, "indicators の 2 件目 (AMAINT) の kind: \\\"保つ\\\" は使えません",
        "indicators の 4 件目 (AYOY) の targets: 「前年度比減少」の指標には目標値を指定しません",
        "indicators の 6 件目 (ASTAGE) の targets の 1 件目 の stage: \\\"構想中\\\" は使えません",
        "indicators の 4 件目 (AYOY) の maxDataAgeYears: 実績値の古さの上限は0〜20年",
        "indicators の 4 件目 (AYOY) の department: 圏域計画の指標には指定できません");
    assertThat(db.queryForObject("select count(*) from area where code = 'area969b'", Integer.class)).isZero();
    assertThat(db.queryForObject("select count(*) from area_indicator where area_code = 'area969b'", Integer.class))
        .isZero();
  }

  private static Map<String, IndicatorGradeView> graded(AreaCompilation c) {
    return c.indicators().stream().collect(Collectors.toMap(IndicatorGradeView::code, Function.identity()));
  }

  private void emissions(String town, int year, int tonnes) {
    var admin = Http.as(port, "demo");
    var upload = admin.post("/api/emissions/" + town + "/" + year + "/activity-data", "text/csv",
        ("部門,小部門,燃料,活動量,単位,出典,ガス\n産業,,," + tonnes + ",t-CO2,県の按分推計,CO2\n").getBytes(StandardCharsets.UTF_8));
    assertThat(upload.status()).as(upload.toString()).isEqualTo(200);
    var calculated = admin.post("/api/emissions/" + town + "/" + year + "/calculations", Map.of("reason", "初回算定"));
    assertThat(calculated.status()).as(calculated.toString()).isEqualTo(201);
  }

  /** One indicator of each kind; the tonne ones of the whole plan take the area's compiled totals. */
  private static String file() {
    return """
        {"area": {"code": "area969", "name": "指標の種類の圏域", "lead": "961901", "firstYear": 2021, "lastYear": 2030,
                  "baseYear": 2013, "resultDeadline": "10-31"},
         "members": [{"code": "961901"}, {"code": "961902"}, {"code": "961903"}],
         "measures": [{"code": "AM-01", "name": "共同の省エネ", "sector": "HOUSEHOLD", "keyProject": true,
                       "members": [{"municipality": "961901", "kind": "IMPLEMENTATION", "measure": "M-01"}]}],
         "indicators": [
           {"code": "AGHG", "name": "圏域の排出量", "unit": "千t-CO2", "direction": "LOWER", "baseYear": 2013, "baseValue": 6,
            "targets": [{"year": 2025, "value": 4}, {"year": 2030, "value": 3}]},
           {"code": "AMAINT", "name": "排出量の水準", "unit": "t-CO2", "kind": "維持", "direction": "低いほど良い",
            "baseYear": 2013, "baseValue": 4000},
           {"code": "AMOST", "name": "排出量の上限", "unit": "万t-CO2", "kind": "AT_MOST", "targets": [{"year": 2030, "value": 0.5}]},
           {"code": "AYOY", "name": "排出量の前年度比", "unit": "t-CO2", "kind": "前年度比減少", "maxDataAgeYears": 0},
           {"code": "ALEAST", "name": "共同講座の開催", "unit": "回/年", "measure": "AM-01", "kind": "以上",
            "targets": [{"year": 2030, "value": 2}]},
           {"code": "ASTAGE", "name": "共同事業の進捗", "unit": "段階", "measure": "AM-01", "kind": "段階",
            "targets": [{"year": 2025, "stage": "検討中"}, {"year": 2028, "stage": "完了"}]}],
         "emissionTargets": [{"year": 2030, "reductionPercent": 46}]}
        """;
  }
}

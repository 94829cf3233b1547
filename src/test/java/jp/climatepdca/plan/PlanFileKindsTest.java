package jp.climatepdca.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import jp.climatepdca.evaluation.IndicatorGradeView;
import jp.climatepdca.evaluation.IndicatorService;
import jp.climatepdca.testing.AppTest;
import jp.climatepdca.testing.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Plan files as people write them (issue #19): seed 002's roadmap (targets without base values, several
 * target years, thresholds, 前年比減, stages of key projects, an absolute CO2 target) loads as written and
 * grades; Japanese labels stand for the codes; a file's every error comes back at once, each at the place
 * people see (list, one-based position, code, field).
 */
@AppTest
class PlanFileKindsTest {

  private static final String TOWN = """
      {
        "municipality": {"code": "CODE", "name": "すずらん町", "baseYear": 2013},
        "departments": [{"code": "kankyo", "name": "環境課"}, {"code": "toshi", "name": "都市計画課"}],
        "measures": [
          {"code": "M-01", "department": "kankyo", "name": "住宅の省エネ", "sector": "家庭", "kind": "検討事業",
           "keyProject": true},
          {"code": "M-02", "department": "toshi", "name": "公共交通", "sector": "TRANSPORT", "kind": "IMPLEMENTATION"}
        ],
        "indicators": [
          {"code": "I-1", "name": "省エネ診断件数", "unit": "件", "measure": "M-01", "direction": "高いほど良い",
           "baseYear": 2020, "baseValue": 10, "targets": [{"year": 2025, "value": 40}, {"year": 2030, "value": 60}]},
          {"code": "I-2", "name": "バス利用者数", "unit": "千人", "measure": "M-02", "kind": "維持",
           "direction": "HIGHER", "baseYear": 2020, "baseValue": 500}
        ]
      }
      """;

  @LocalServerPort
  int port;

  @Autowired
  PlanImportService importer;

  @Autowired
  PlanService plans;

  @Autowired
  PlanIndicatorService indicators;

  @Autowired
  IndicatorService grades;

  private Http.Response load(String code, String file) {
    return Http.as(port, "demo").post("/api/plans", file.replace("CODE", code));
  }

  @Test
  void seed002sRoadmapLoadsAsWrittenAndEveryIndicatorIsGraded() throws Exception {
    try (var file = getClass().getResourceAsStream("/plan-kinds/seed-002-roadmap.json")) {
      importer.importPlan(file);
    }
    var town = "943902";
    assertThat(plans.measures(town)).extracting(MeasureView::code, MeasureView::sector, MeasureView::kind)
        .contains(tuple("KP-1", Sector.COMMERCIAL, MeasureKind.IMPLEMENTATION), tuple("M-GOMI", Sector.WASTE,
            MeasureKind.IMPLEMENTATION));
    var co2 = indicators.indicator(town, "CO2");
    assertThat(co2.baseValue()).as("the roadmap gives no base value").isNull();
    assertThat(co2.direction()).isEqualTo(IndicatorDirection.LOWER);
    assertThat(indicators.indicator(town, "BICYCLE").kind()).isEqualTo(IndicatorKind.YEAR_ON_YEAR_DECREASE);
    assertThat(indicators.indicator(town, "KP-2-STAGE").targets()).extracting(IndicatorTargetView::value)
        .containsExactly(IndicatorStage.IN_PROGRESS.value(), IndicatorStage.COMPLETED.value());
    assertThat(indicators.emissionTargets(town)).singleElement().satisfies(t -> {
      assertThat(t.emissions()).isEqualByComparingTo("1324000");
      assertThat(t.reductionPercent()).isNull();
    });

    record(town, 2020, "CO2", "1350");
    record(town, 2021, "WASTE", "445");
    record(town, 2021, "LECTURE", "3");
    record(town, 2020, "BICYCLE", "5000");
    record(town, 2021, "BICYCLE", "4800");
    record(town, 2021, "KP-1-STAGE", "2");
    record(town, 2021, "KP-2-STAGE", "2");
    record(town, 2021, "OFFICE", "94");
    record(town, 2019, "LANDSCAPE", "3");

    // the cycle of FY2022 reviews 2021
    var graded = grades.grades(town, 2022);
    assertThat(graded).extracting(IndicatorGradeView::code, g -> g.grade().label()).contains(
        tuple("CO2", "未達成"), tuple("WASTE", "目標年度前"), tuple("LECTURE", "達成"), tuple("BICYCLE", "前年度比減少"),
        tuple("KP-1-STAGE", "達成"), tuple("KP-2-STAGE", "未達成"), tuple("OFFICE", "達成"),
        tuple("LANDSCAPE", "未達成"), tuple("GREEN", "データなし"));
    var stage = find(graded, "KP-2-STAGE");
    assertThat(stage.actualLabel()).isEqualTo("実施中");
    assertThat(stage.comparedLabel()).isEqualTo("2018年度の目標 完了");
    assertThat(find(graded, "BICYCLE").comparedLabel()).isEqualTo("前年度（2020年度）の実績 5000");
    assertThat(find(graded, "CO2").stale()).as("one year old, two allowed").isFalse();
    // FY2024 reviews 2023: the newest CO2 figure (2020) is three years old, more than the two the plan allows
    var later = find(grades.grades(town, 2024), "CO2");
    assertThat(later.stale()).isTrue();
    assertThat(later.staleNote()).startsWith("データが古い（最新の実績は2020年度");
    assertThat(later.grade().label()).as("still graded").isEqualTo("未達成");
  }

  @Test
  void japaneseLabelsStandForTheCodes() {
    var response = load("941903", TOWN);
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    assertThat(plans.measures("941903")).extracting(MeasureView::code, MeasureView::sector, MeasureView::kind)
        .containsExactly(tuple("M-01", Sector.HOUSEHOLD, MeasureKind.STUDY),
            tuple("M-02", Sector.TRANSPORT, MeasureKind.IMPLEMENTATION));
    var i1 = indicators.indicator("941903", "I-1");
    assertThat(i1.direction()).isEqualTo(IndicatorDirection.HIGHER);
    assertThat(i1.targets()).extracting(IndicatorTargetView::year).containsExactly(2025, 2030);
    assertThat(i1.targetYear()).as("the last target").isEqualTo(2030);
    assertThat(indicators.indicator("941903", "I-2").kind()).isEqualTo(IndicatorKind.MAINTAIN);
  }

  /** Five mistakes of five sorts in one file: five messages, each where it is, nothing saved. */
  @Test
  void everyErrorOfTheFileComesBackAtOnceWhereItIs() {
    var bad = TOWN
        .replace("\"baseValue\": 10,", "\"baseValue\": \"十\",")                 // a number written in words
        .replace("\"keyProject\": true", "\"keyProject\": \"はい\"")            // not true/false
        .replace("\"name\": \"公共交通\"", "\"name\": \"公共交通\", \"sektor\": \"運輸\"") // a misspelt field
        .replace("\"sector\": \"TRANSPORT\"", "\"sector\": \"鉄道\"")           // not a sector
        .replace("\"kind\": \"維持\",", "\"kind\": \"維持\", \"targetYear\": 2030, \"targetValue\": 600,"); // 維持 has no target
    var response = load("941904", bad);
    response.assertProblem(400);
    assertThat(errors(response)).containsExactlyInAnyOrder(
        "indicators の 1 件目 (I-1) の baseValue: 数値で指定してください（\"十\" は数値ではありません）",
        "measures の 1 件目 (M-01) の keyProject: true か false で指定してください（\"はい\"）",
        "measures の 2 件目 (M-02) の sektor: 項目 \"sektor\" は定義されていません（使える項目: code, department, name,"
            + " sector, kind, keyProject, description, retiredFrom, replaces）",
        "measures の 2 件目 (M-02) の sector: \"鉄道\" は使えません（INDUSTRY（産業部門）, COMMERCIAL（業務その他部門）,"
            + " HOUSEHOLD（家庭部門）, TRANSPORT（運輸部門）, WASTE（廃棄物分野）, CROSS_SECTOR（分野横断） のいずれか）",
        "indicators の 2 件目 (I-2) の targetValue: 「維持」の指標には目標値を指定しません（基準値の水準を維持できたかで評価します）");
    assertThat(plans.findMunicipality("941904")).isEmpty();
  }

  /**
   * A department code with a capital letter is wrong where it is written; the measure that names it must
   * not be told the department is missing from the file (it is there). Before the fix: two messages.
   */
  @Test
  void aDepartmentWhoseCodeIsWrongIsNotCalledMissing() {
    var response = load("941905", TOWN.replace("\"kankyo\"", "\"Kankyo\""));
    response.assertProblem(400);
    assertThat(errors(response)).containsExactly("departments の 1 件目 (Kankyo) の code: \"Kankyo\" は使えません"
        + "（半角英小文字・数字・ハイフン2〜30文字）");
  }

  @Test
  void eachKindAsksForWhatItNeeds() {
    var file = TOWN.replace("\"indicators\": [", """
        "indicators": [
          {"code": "K-1", "name": "維持", "unit": "件", "kind": "MAINTAIN", "direction": "HIGHER"},
          {"code": "K-2", "name": "段階", "unit": "段階", "kind": "段階", "targets": [{"year": 2025, "value": 2}]},
          {"code": "K-3", "name": "両方", "unit": "件", "direction": "HIGHER", "targetYear": 2030, "targetValue": 5,
           "targets": [{"year": 2030, "value": 5}]},
          {"code": "K-4", "name": "算定", "unit": "%", "direction": "LOWER", "source": "INVENTORY",
           "targets": [{"year": 2030, "value": 54}]},
          {"code": "K-5", "name": "以上", "unit": "回", "kind": "以上", "direction": "低いほど良い",
           "targets": [{"year": 2030, "value": 2}]},
          {"code": "K-6", "name": "逆戻り", "unit": "件", "direction": "HIGHER",
           "targets": [{"year": 2025, "value": 40}, {"year": 2030, "value": 30}]},
          {"code": "K-7", "name": "目標なし", "unit": "件", "direction": "HIGHER"},
          {"code": "K-8", "name": "文で書いた目標", "unit": "件", "direction": "HIGHER", "targets": "2030年度に5件"},
        """);
    var response = load("941906", file);
    response.assertProblem(400);
    assertThat(errors(response)).containsExactlyInAnyOrder(
        "indicators の 1 件目 (K-1) の baseValue: 「維持」の指標には維持する水準（基準値）が必要です",
        "indicators の 2 件目 (K-2) の targets の 1 件目 の value: 「段階」の指標の目標には stage（未着手・検討中・実施中・完了）を指定してください",
        "indicators の 3 件目 (K-3) の targets: targets と targetYear・targetValue は、どちらか一方だけで指定してください",
        "indicators の 4 件目 (K-4) の unit: 排出量の算定結果から求める指標の単位は t-CO2, 千t-CO2, 万t-CO2 のいずれかです（%）",
        "indicators の 5 件目 (K-5) の direction: 「以上」の指標は「高いほど良い」です（direction は省略できます）",
        "indicators の 6 件目 (K-6) の targets の 2 件目 の value: 目標値（30）が前の目標（40）より「高いほど良い」の逆方向です。direction を確認してください",
        "indicators の 7 件目 (K-7) の targets: 「目標値に向けた推移」の指標には目標が必要です（targetYear と targetValue、または targets で指定してください）",
        // the wrong type is the one message about K-8's targets: not also "目標が必要です" at the same place
        "indicators の 8 件目 (K-8) の targets: 配列 [ … ] で指定してください");
  }

  @Test
  void aTypedValueForAnInventoryIndicatorOrAStageOutOfRangeIsRefused() {
    var file = TOWN.replace("\"indicators\": [", """
        "indicators": [
          {"code": "GHG", "name": "町の温室効果ガス排出量", "unit": "千t-CO2", "direction": "LOWER", "source": "排出量の算定結果",
           "baseYear": 2013, "baseValue": 120, "targets": [{"year": 2030, "value": 65}]},
          {"code": "ST", "name": "拠点整備", "unit": "段階", "kind": "STAGES", "department": "kankyo",
           "targets": [{"year": 2026, "stage": "IN_PROGRESS"}]},
        """);
    assertThat(load("941907", file).status()).isEqualTo(200);
    assertThat(indicators.indicator("941907", "GHG").source()).isEqualTo(IndicatorSource.INVENTORY);
    var jimukyoku = Http.as(port, "demo");
    jimukyoku.put("/api/indicators/941907/GHG/actuals/2024", java.util.Map.of("value", 100, "source", "手入力"))
        .assertProblem(400, "排出量の算定結果から自動で求めるため入力できません");
    jimukyoku.put("/api/indicators/941907/ST/actuals/2024", java.util.Map.of("value", 1.5, "source", "自己評価"))
        .assertProblem(400, "0（未着手）、1（検討中）、2（実施中）、3（完了）のいずれか");
    assertThat(jimukyoku.put("/api/indicators/941907/ST/actuals/2024", java.util.Map.of("value", 2, "source", "自己評価"))
        .status()).isEqualTo(200);
  }

  private void record(String town, int year, String code, String value) {
    indicators.record(town, year, List.of(new ActualValueInput(code, new BigDecimal(value), "区の集計")), "test");
  }

  private static IndicatorGradeView find(List<IndicatorGradeView> graded, String code) {
    return graded.stream().filter(g -> g.code().equals(code)).findFirst().orElseThrow();
  }

  private static List<String> errors(Http.Response response) {
    var list = new ArrayList<String>();
    for (JsonNode e : response.json().path("errors")) {
      list.add(e.asText());
    }
    return list;
  }
}

package jp.climatepdca.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.util.List;
import jp.climatepdca.testing.AppTest;
import jp.climatepdca.testing.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Indicators and GHG reduction targets in a plan file: loaded whole, or refused naming every bad field. */
@AppTest
class PlanIndicatorImportTest {

  private static final String TOWN = """
      {
        "municipality": {"code": "CODE", "name": "つばき村", "baseYear": 2013, "baseEmissions": 52000},
        "departments": [{"code": "jumin", "name": "住民課"}, {"code": "somu", "name": "総務課"}],
        "measures": [{"code": "M-01", "department": "jumin", "name": "ごみ減量", "sector": "WASTE",
                      "kind": "IMPLEMENTATION"}],
        "indicators": [
          {"code": "I-WASTE", "name": "ごみ排出量", "unit": "t", "measure": "M-01", "direction": "LOWER",
           "baseYear": 2022, "baseValue": 1500, "targetYear": 2030, "targetValue": 1200},
          {"code": "I-FLEET", "name": "公用車の次世代自動車導入率", "unit": "%", "department": "somu",
           "direction": "HIGHER", "baseYear": 2022, "baseValue": 10, "targetYear": 2030, "targetValue": 100},
          {"code": "I-GHG", "name": "村域の温室効果ガス排出量", "unit": "t-CO2", "direction": "LOWER",
           "baseYear": 2013, "baseValue": 52000, "targetYear": 2030, "targetValue": 28080}
        ],
        "emissionTargets": [
          {"year": 2030, "reductionPercent": 46, "label": "2030年度 46%削減"},
          {"year": 2050, "reductionPercent": 100, "label": "実質ゼロ"}
        ]
      }
      """;

  @LocalServerPort
  int port;

  @Autowired
  PlanService plans;

  @Autowired
  PlanIndicatorService indicators;

  private Http.Response load(String code, String file) {
    return Http.as(port, "demo").post("/api/plans", file.replace("CODE", code));
  }

  @Test
  void indicatorsAndTargetsAreLoadedWithTheirOwners() {
    var response = load("910401", TOWN);
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    assertThat(response.json().path("indicators").asInt()).isEqualTo(3);
    assertThat(indicators.indicators("910401")).extracting(IndicatorView::code, IndicatorView::departmentCode)
        .containsExactly(tuple("I-FLEET", "somu"), tuple("I-GHG", null), tuple("I-WASTE", "jumin"));
    assertThat(indicators.departmentIndicators("910401", "jumin")).extracting(IndicatorView::code)
        .containsExactly("I-WASTE");
    assertThat(indicators.emissionTargets("910401")).extracting(EmissionTargetView::year).containsExactly(2030, 2050);
    assertThat(plans.municipality("910401").baseEmissions()).isEqualByComparingTo("52000");

    // loading again changes the indicator in place and keeps its actual values; the targets are replaced
    indicators.record("910401", 2024, List.of(new ActualValueInput("I-WASTE", new BigDecimal("1400"), "統計")), "test");
    var changed = TOWN.replace("\"targetValue\": 1200", "\"targetValue\": 1100")
        .replaceAll(",\\s*\\{\"year\": 2050[^}]*}", "");
    assertThat(load("910401", changed).status()).isEqualTo(200);
    assertThat(indicators.indicator("910401", "I-WASTE").targetValue()).isEqualByComparingTo("1100");
    assertThat(indicators.actuals("910401")).extracting(ActualValueView::value).containsExactly(new BigDecimal("1400"));
    assertThat(indicators.emissionTargets("910401")).extracting(EmissionTargetView::year).containsExactly(2030);
  }

  @Test
  void everyBadIndicatorFieldIsNamedAndNothingIsSaved() {
    var bad = TOWN
        .replace("\"measure\": \"M-01\"", "\"measure\": \"M-99\"")
        .replace("\"department\": \"somu\"", "\"department\": \"keiri\"")
        .replace("\"targetValue\": 28080", "\"targetValue\": 60000")
        .replace("\"code\": \"I-FLEET\"", "\"code\": \"I-WASTE\"")
        .replace("\"baseYear\": 2022, \"baseValue\": 10, \"targetYear\": 2030",
            "\"baseYear\": 2022, \"baseValue\": 10, \"targetYear\": 2020")
        .replace("\"unit\": \"t\",", "\"unit\": \"\",")
        .replace("{\"year\": 2050, \"reductionPercent\": 100", "{\"year\": 2025, \"reductionPercent\": 120");
    var response = load("910402", bad);
    response.assertProblem(400);
    assertThat(response.json().path("errors")).hasSize(8);
    assertThat(response.body()).contains(
        "indicators の 1 件目 (I-WASTE) の measure: 施策コード \\\"M-99\\\" はファイル内に存在しません",
        "indicators の 1 件目 (I-WASTE) の unit: 必須です",
        "indicators の 2 件目 (I-WASTE) の code: 指標コード \\\"I-WASTE\\\" が重複しています",
        "indicators の 2 件目 (I-WASTE) の department: 部署コード \\\"keiri\\\" はファイル内に存在しません",
        "indicators の 2 件目 (I-WASTE) の targetYear: 目標年度は基準年度（2022）より後にしてください（2020）",
        "indicators の 3 件目 (I-GHG) の targetValue: 目標値（60000）が基準値（52000）より「低いほど良い」の逆方向です",
        "emissionTargets の 2 件目 の reductionPercent: 削減率は0〜100",
        "emissionTargets の 2 件目 の year: 目標は年度の古い順に");
    assertThat(plans.findMunicipality("910402")).isEmpty();
  }

  @Test
  void aTypeErrorNamesTheField() {
    var response = load("910403", TOWN.replace("\"baseValue\": 1500", "\"baseValue\": \"千五百\""));
    response.assertProblem(400);
    assertThat(response.json().path("errors")).hasSize(1);
    assertThat(response.body()).contains("indicators の 1 件目 (I-WASTE) の baseValue: 数値で指定してください");
    assertThat(plans.findMunicipality("910403")).isEmpty();
  }

  @Test
  void aMeasuresIndicatorCannotBeGivenToAnotherDepartmentNorAMissingDirection() {
    var response = load("910404", TOWN.replace("\"measure\": \"M-01\",", "\"measure\": \"M-01\", \"department\": \"somu\",")
        .replace("\"direction\": \"HIGHER\"", "\"direction\": \"UP\"")
        .replace("\"baseValue\": 52000,", "\"baseValue\": 52000.1234567,"));
    response.assertProblem(400);
    assertThat(response.body()).contains("indicators の 1 件目 (I-WASTE) の department: 施策 \\\"M-01\\\" の所管部署（jumin）と異なります",
        "indicators の 2 件目 (I-FLEET) の direction: \\\"UP\\\" は使えません（LOWER（低いほど良い）, HIGHER（高いほど良い） のいずれか）",
        "indicators の 3 件目 (I-GHG) の baseValue: 基準値の小数は6桁までです");
    assertThat(plans.findMunicipality("910404")).isEmpty();
  }
}

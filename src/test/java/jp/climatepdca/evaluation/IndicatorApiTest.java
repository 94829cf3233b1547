package jp.climatepdca.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import jp.climatepdca.testing.AppTest;
import jp.climatepdca.testing.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * GET /api/indicators/{municipality}/{fiscalYear} and the secretariat's actual values, every status code.
 * A town of its own (910301), loaded through the plan API, so the demo city's indicators stay untouched.
 */
@AppTest
class IndicatorApiTest {

  static final String TOWN_CODE = "910301";
  static final String TOWN = """
      {
        "municipality": {"code": "910301", "name": "はなみずき町"},
        "departments": [{"code": "kankyo", "name": "環境課"}],
        "measures": [{"code": "K-01", "department": "kankyo", "name": "太陽光発電の普及", "sector": "HOUSEHOLD",
                      "kind": "IMPLEMENTATION"}],
        "indicators": [
          {"code": "SOLAR", "name": "住宅用太陽光発電の設置件数", "unit": "件", "measure": "K-01", "direction": "HIGHER",
           "baseYear": 2020, "baseValue": 100, "targetYear": 2030, "targetValue": 600},
          {"code": "GHG", "name": "町域の温室効果ガス排出量", "unit": "千t-CO2", "direction": "LOWER",
           "baseYear": 2013, "baseValue": 80, "targetYear": 2030, "targetValue": 43.2}
        ],
        "emissionTargets": [{"year": 2030, "reductionPercent": 46}]
      }
      """;

  @LocalServerPort
  int port;

  @Autowired
  JdbcTemplate db;

  @BeforeEach
  void loadTown() {
    var loaded = Http.as(port, "demo").post("/api/plans", TOWN);
    assertThat(loaded.status()).as(loaded.toString()).isEqualTo(200);
    assertThat(loaded.json().path("indicators").asInt()).isEqualTo(2);
  }

  private Http.Response put(String user, String path, String json) {
    return Http.as(port, user).send("PUT", path, "application/json", json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void anAdministratorRecordsAValueAndTheGradeFollowsIt() {
    // 2026 is the year the FY2027 cycle reviews; the path is 100 + 500·6/10 = 400
    var saved = put("demo", "/api/indicators/910301/SOLAR/actuals/2026", "{\"value\": 420.5, \"source\": \"補助金交付実績\"}");
    assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
    assertThat(saved.json().path("value").decimalValue()).isEqualByComparingTo("420.5");
    assertThat(saved.json().path("enteredBy").asText()).isEqualTo("demo");

    var report = Http.as(port, "demo").get("/api/indicators/910301/2027");
    assertThat(report.status()).as(report.toString()).isEqualTo(200);
    var json = report.json();
    assertThat(json.path("municipalityName").asText()).isEqualTo("はなみずき町");
    assertThat(json.path("reviewYear").asInt()).isEqualTo(2026);
    assertThat(json.path("indicators").get(0).path("code").asText()).as("plan-level first").isEqualTo("GHG");
    assertThat(json.path("indicators").get(0).path("grade").asText()).isEqualTo("NO_DATA");
    assertThat(json.path("indicators").get(0).path("gradeLabel").asText()).isEqualTo("データなし");
    var solar = json.path("indicators").get(1);
    assertThat(solar.path("grade").asText()).isEqualTo("ON_TRACK");
    assertThat(solar.path("gradeLabel").asText()).isEqualTo("順調");
    assertThat(solar.path("pathValue").decimalValue()).isEqualByComparingTo("400");
    assertThat(solar.path("measureCode").asText()).isEqualTo("K-01");
    assertThat(solar.path("direction").asText()).isEqualTo("HIGHER");
    assertThat(json.path("gradeCounts").path("ON_TRACK").asInt()).isEqualTo(1);

    // the value of the reviewed year is graded, not a later one; a correction overwrites, DELETE removes
    assertThat(put("demo", "/api/indicators/910301/SOLAR/actuals/2027", "{\"value\": 50, \"source\": \"速報\"}")
        .status()).isEqualTo(200);
    assertThat(Http.as(port, "demo").get("/api/indicators/910301/2027").json().path("indicators").get(1)
        .path("actualValue").decimalValue()).isEqualByComparingTo("420.5");
    assertThat(put("demo", "/api/indicators/910301/SOLAR/actuals/2026", "{\"value\": 390, \"source\": \"確報\"}")
        .status()).isEqualTo(200);
    assertThat(Http.as(port, "demo").get("/api/indicators/910301/2027").json().path("indicators").get(1)
        .path("grade").asText()).isEqualTo("BEHIND");
    var removed = Http.as(port, "demo").send("DELETE", "/api/indicators/910301/SOLAR/actuals/2026", null, null);
    assertThat(removed.status()).as(removed.toString()).isEqualTo(204);
    assertThat(db.queryForObject("select count(*) from indicator_actual where municipality_code = ? and value_year = 2026",
        Integer.class, TOWN_CODE)).isZero();
  }

  @Test
  void anyoneOfTheMunicipalityReadsTheGradesAndNobodyElse() {
    assertThat(Http.as(port, "env-staff").get("/api/indicators/999999/2027").status()).isEqualTo(200);
    assertThat(Http.as(port, "iinkai").get("/api/indicators/999999/2027").json().path("indicators").size())
        .isEqualTo(15);
    Http.as(port, "env-staff").get("/api/indicators/910301/2027").assertProblem(403, "権限");
    assertThat(Http.anonymous(port).get("/api/indicators/910301/2027").status()).isEqualTo(401);
    Http.as(port, "demo").get("/api/indicators/919999/2027").assertProblem(404, "919999");
    Http.as(port, "demo").get("/api/indicators/910301/1999").assertProblem(400, "fiscalYear", "1999");
    Http.as(port, "demo").get("/api/indicators/910301/abc").assertProblem(400, "fiscalYear", "abc");
  }

  @Test
  void onlyTheMunicipalitysSecretariatOrAnAdministratorRecordsValues() {
    var body = "{\"value\": 1, \"source\": \"台帳\"}";
    put("jimukyoku", "/api/indicators/910301/SOLAR/actuals/2026", body).assertProblem(403, "事務局");
    put("env-staff", "/api/indicators/999999/ENV-01-1/actuals/2099", body).assertProblem(403, "事務局");
    assertThat(Http.anonymous(port).send("PUT", "/api/indicators/910301/SOLAR/actuals/2026", "application/json",
        body.getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(401);
    put("demo", "/api/indicators/910301/NOPE/actuals/2026", body).assertProblem(404, "NOPE");
    put("demo", "/api/indicators/919999/SOLAR/actuals/2026", body).assertProblem(404, "919999");
    Http.as(port, "env-staff").send("DELETE", "/api/indicators/999999/ENV-01-1/actuals/2099", null,
        null).assertProblem(403, "事務局");
    var secretariat = put("jimukyoku", "/api/indicators/999999/GHG-AREA/actuals/2099", body);
    assertThat(secretariat.status()).as(secretariat.toString()).isEqualTo(200);
  }

  @Test
  void aBadValueIsRefusedNamingTheFieldAndNothingIsSaved() {
    var path = "/api/indicators/910301/GHG/actuals/2025";
    put("demo", path, "{\"source\": \"台帳\"}").assertProblem(400, "value: 実績値は必須です");
    put("demo", path, "{\"value\": \"たくさん\", \"source\": \"台帳\"}").assertProblem(400, "value", "数値");
    put("demo", path, "{\"value\": 70}").assertProblem(400, "source: 実績値の出典を入力してください");
    put("demo", path, "{\"value\": 1.1234567, \"source\": \"台帳\"}").assertProblem(400, "小数は6桁まで");
    put("demo", path, "{\"value\": 1e15, \"source\": \"台帳\"}").assertProblem(400, "大きすぎます");
    put("demo", "/api/indicators/910301/GHG/actuals/1980", "{\"value\": 70, \"source\": \"台帳\"}").assertProblem(
        400, "valueYear", "1980");
    put("demo", path, "{\"value\": 70, \"source\": \"" + "あ".repeat(201) + "\"}").assertProblem(400, "200文字以内");
    assertThat(db.queryForObject("select count(*) from indicator_actual where municipality_code = ? and indicator_code = 'GHG'",
        Integer.class, TOWN_CODE)).isZero();
  }

  @Test
  void theEmissionTargetsOfThePlanAreKept() {
    var targets = db.queryForList("select target_year, reduction_percent from emission_target where municipality_code = ?",
        TOWN_CODE);
    assertThat(targets).hasSize(1);
    assertThat(targets.get(0).get("TARGET_YEAR")).isEqualTo(2030);
  }
}

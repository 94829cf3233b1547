package jp.climatepdca.emission;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import jp.climatepdca.plan.PlanImportService;
import jp.climatepdca.plan.PlanService;
import jp.climatepdca.testing.AppTest;
import jp.climatepdca.testing.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A municipality's own electricity factor (a local utility's 0.000300 t-CO2/kWh) replaces the catalogue's
 * 0.000441 for that municipality only, in its valid years: 1,000,000 kWh gives 300 t there and 441 t elsewhere.
 */
@AppTest
class LocalEmissionFactorTest {

  private static final String LOCAL = "910501";
  private static final String OTHER = "910502";
  private static final String CSV = "部門,小部門,燃料,活動量,単位,出典\n業務その他,事務所,ELECTRICITY,1000000,kWh,販売実績\n";

  @LocalServerPort
  int port;

  @Autowired
  ActivityImportService importer;

  @Autowired
  EmissionCalculator calculator;

  @Autowired
  InventoryReportService reports;

  @Autowired
  void towns(PlanService plan, PlanImportService plans) {
    EmissionTestTown.ensure(plan, plans, LOCAL, 2013);
    EmissionTestTown.ensure(plan, plans, OTHER, 2013);
  }

  private BigDecimal total(String town, int year) {
    importer.importCsv(town, year, CSV, null, "test");
    calculator.calculate(town, year, "初回算定", "test");
    return reports.report(town, year).total();
  }

  private Http.Response add(String user, String town, String json) {
    return Http.as(port, user).post("/api/emission-factors/local/" + town, "application/json",
        json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aLocalFactorReplacesTheDefaultForItsMunicipalityAndYearsOnly() {
    var added = add("demo", LOCAL, """
        {"code": "ELECTRICITY", "gas": "CO2", "factor": 0.000300, "validFrom": 2020, "validTo": 2021,
         "source": "みどり新電力の2020年度調整後排出係数（同社公表）"}""");
    assertThat(added.status()).as(added.toString()).isEqualTo(201);
    assertThat(added.json().path("enteredBy").asText()).isEqualTo("demo");

    assertThat(total(LOCAL, 2020)).isEqualByComparingTo("300");
    assertThat(total(OTHER, 2020)).as("another municipality keeps the default").isEqualByComparingTo("441");
    assertThat(total(LOCAL, 2022)).as("outside the local factor's years").isEqualByComparingTo("441");

    var listed = Http.as(port, "demo").get("/api/emission-factors/local/" + LOCAL);
    assertThat(listed.status()).isEqualTo(200);
    assertThat(listed.json()).hasSize(1);
    assertThat(listed.json().get(0).path("source").asText()).contains("みどり新電力");
  }

  @Test
  void statutoryFactorsOverlapsAndBadFieldsAreRefused() {
    var gasoline = add("demo", OTHER, """
        {"code": "GASOLINE", "gas": "CO2", "factor": 2.0, "validFrom": 2020, "source": "独自調査"}""");
    gasoline.assertProblem(409, "法定");
    assertThat(add("demo", OTHER, """
        {"code": "ELECTRICITY", "gas": "CO2", "factor": 0.0004, "validFrom": 2030, "source": "公表値"}""").status())
        .isEqualTo(201);
    var overlap = add("demo", OTHER, """
        {"code": "ELECTRICITY", "gas": "CO2", "factor": 0.0003, "validFrom": 2031, "source": "公表値"}""");
    overlap.assertProblem(409, "重なっています");
    var unknown = add("demo", OTHER, """
        {"code": "HYDROGEN", "gas": "CO2", "factor": 0, "validFrom": 2030, "source": "公表値"}""");
    unknown.assertProblem(404, "HYDROGEN");
    var bad = add("demo", OTHER, """
        {"code": "ELECTRICITY", "gas": "CO2", "factor": -1, "validFrom": 1900}""");
    bad.assertProblem(400, "factor: 排出係数は0以上", "validFrom", "source: 出典は必須です");
  }

  @Test
  void onlyTheMunicipalitysSecretariatOrAnAdministratorAddsOne() {
    var body = "{\"code\": \"ELECTRICITY\", \"gas\": \"CO2\", \"factor\": 0.0003, \"validFrom\": 2040, \"source\": \"公表値\"}";
    add("jimukyoku", LOCAL, body).assertProblem(403, "事務局");
    add("env-staff", "999999", body).assertProblem(403, "事務局");
    assertThat(Http.anonymous(port).post("/api/emission-factors/local/" + LOCAL, "application/json",
        body.getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(401);
    Http.as(port, "env-staff").get("/api/emission-factors/local/" + LOCAL).assertProblem(403);
    Http.as(port, "demo").get("/api/emission-factors/local/919999").assertProblem(404, "919999");
  }
}

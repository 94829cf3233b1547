package jp.climatepdca.emission;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import jp.climatepdca.plan.PlanImportService;
import jp.climatepdca.plan.PlanService;
import jp.climatepdca.testing.AppTest;
import jp.climatepdca.testing.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The emissions API: upload, calculate, read; who may do what; bad files refused whole with 行 and 列. */
@AppTest
class EmissionApiTest {

  private static final String TOWN = "900002";
  private static final String HEADER = "部門,小部門,燃料,活動量,単位,出典,ガス\n";

  @LocalServerPort
  int port;

  @Autowired
  JdbcTemplate db;

  @Autowired
  void town(PlanService plan, PlanImportService plans) {
    EmissionTestTown.ensure(plan, plans, TOWN, 2016);
  }

  private Http.Response upload(String user, String municipality, int year, byte[] csv) {
    return Http.as(port, user).post("/api/emissions/" + municipality + "/" + year + "/activity-data", "text/csv", csv);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private Http.Response calculate(String user, String municipality, int year, String reason) {
    return Http.as(port, user).post("/api/emissions/" + municipality + "/" + year + "/calculations",
        Map.of("reason", reason));
  }

  @Test
  void uploadCalculateAndReadWithTheBaseYearComparison() {
    assertThat(upload("demo", TOWN, 2016, utf8(HEADER + "家庭,,灯油,200,kL,灯油販売量\n")).status()).isEqualTo(200);
    assertThat(calculate("demo", TOWN, 2016, "基準年度").status()).isEqualTo(201);

    // Excel's "CSV UTF-8" starts with a byte-order mark
    var uploaded = upload("demo", TOWN, 2025, utf8("\uFEFF" + HEADER
        + "家庭,,灯油,\"150,000\",L,灯油販売量\n業務その他,,ELECTRICITY,1000000,kWh,電力販売実績\n"
        + "産業,農林水産業,,50,t-CO2,県の按分推計,CO2\n"));
    assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(200);
    assertThat(uploaded.json().path("activityRows").asInt()).isEqualTo(2);
    assertThat(uploaded.json().path("directFigures").asInt()).isEqualTo(1);

    var calculated = calculate("demo", TOWN, 2025, "初回算定");
    assertThat(calculated.status()).as(calculated.toString()).isEqualTo(201);
    assertThat(calculated.location()).isEqualTo("/api/emissions/" + TOWN + "/2025");

    var report = Http.as(port, "demo").get("/api/emissions/" + TOWN + "/2025");
    assertThat(report.status()).as(report.toString()).isEqualTo(200);
    var json = report.json();
    // 150 kL × 2.49 = 373.5; 1,000,000 kWh × 0.000441 = 441; 50 t-CO2 as entered
    assertThat(json.path("total").decimalValue()).isEqualByComparingTo("864.5");
    assertThat(json.path("version").path("version").asInt()).isEqualTo(1);
    assertThat(json.path("version").path("reason").asText()).isEqualTo("初回算定");
    // base year FY2016: 200 kL × 2.49 = 498; (864.5 − 498) / 498 = +73.59… %
    assertThat(json.path("baseYear").path("year").asInt()).isEqualTo(2016);
    assertThat(json.path("baseYear").path("total").decimalValue()).isEqualByComparingTo("498");
    assertThat(json.path("baseYear").path("changePercent").decimalValue()).isEqualByComparingTo("73.6");
    assertThat(json.path("sectors").findValuesAsText("label")).containsExactly("産業部門", "業務その他部門", "家庭部門");
  }

  @Test
  void anExcelWorkbookIsReadLikeTheCsvWithExcelsRowNumbers() throws Exception {
    // shared strings (one with furigana, which is not part of the text), a number cell, a skipped empty cell
    var strings = List.of("部門", "小部門", "燃料", "活動量", "単位", "出典", "家庭", "灯油", "kL", "販売量");
    var sheet = """
        <row r="1">%s</row>
        <row r="3"><c r="A3" t="s"><v>6</v></c><c r="C3" t="s"><v>7</v></c><c r="D3"><v>1.5</v></c>        <c r="E3" t="s"><v>8</v></c><c r="F3" t="s"><v>9</v></c></row>
        """.formatted(headerCells());
    var xlsx = xlsx(strings, sheet);
    var excel = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    var uploaded = Http.as(port, "demo").post("/api/emissions/" + TOWN + "/2028/activity-data", excel, xlsx);
    assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(200);
    assertThat(calculate("demo", TOWN, 2028, "初回算定").json().path("total").decimalValue())
        .isEqualByComparingTo("3.735"); // 1.5 kL × 2.49

    var negative = xlsx(strings, sheet.replace("<v>1.5</v>", "<v>-2</v>"));
    Http.as(port, "demo").post("/api/emissions/" + TOWN + "/2029/activity-data", excel, negative).assertProblem(400,
        "3行目 活動量: 0以上の数値で入力してください（-2）");
    Http.as(port, "demo").post("/api/emissions/" + TOWN + "/2029/activity-data", excel, utf8("a,b")).assertProblem(
        400, "Excel ファイル");
    assertThat(uploads(2029)).isZero();
  }

  private static String headerCells() {
    var cells = new StringBuilder();
    for (var i = 0; i < 6; i++) {
      cells.append("<c r=\"").append((char) ('A' + i)).append("1\" t=\"s\"><v>").append(i).append("</v></c>");
    }
    return cells.toString();
  }

  private static byte[] xlsx(List<String> strings, String rows) {
    return new jp.climatepdca.testing.Workbook().strings(strings).sheet("worksheets/sheet1.xml", rows).bytes();
  }

  @Test
  void theMunicipalitysSecretariatUploadsItsOwnData() {
    var response = upload("jimukyoku", "999999", 2030, utf8(HEADER + "運輸,自動車,ガソリン,10,kL,販売量\n"));
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
  }

  @Test
  void aBadFileIsRefusedWholeNamingEachRowAndField() {
    var before = uploads(2026);
    upload("demo", TOWN, 2026, utf8(HEADER + """
        家庭,,灯油,10,kL,販売量
        家庭,,灯油,-1,kL,販売量
        家庭,,都市ガス,3,kWh,販売量
        """)).assertProblem(400, "3行目 活動量", "4行目 単位", "\"errors\"");
    upload("demo", TOWN, 2026, utf8(HEADER + "家庭,,灯油,10,kL,\"販売")).assertProblem(400, "2行目", "引用符");
    upload("demo", TOWN, 2026, (HEADER + "家庭,,灯油,10,kL,販売量\n").getBytes(Charset.forName("Shift_JIS"))).assertProblem(
        400, "UTF-8");
    upload("demo", TOWN, 2026, utf8("")).assertProblem(400);
    var json = Http.as(port, "demo").post("/api/emissions/" + TOWN + "/2026/activity-data", "application/json",
        utf8("{}"));
    assertThat(json.status()).isEqualTo(415);
    assertThat(uploads(2026)).isEqualTo(before);
    calculate("demo", TOWN, 2026, "初回算定").assertProblem(400, "活動量データが登録されていません");
  }

  @Test
  void onlyTheSecretariatOrAnAdministratorMayUpload() {
    var csv = utf8(HEADER + "家庭,,灯油,10,kL,販売量\n");
    assertThat(upload("jimukyoku", TOWN, 2027, csv).status()).isEqualTo(403);
    upload("env-staff", "999999", 2027, csv).assertProblem(403, "権限");
    assertThat(Http.anonymous(port).post("/api/emissions/999999/2027/activity-data", "text/csv", csv).status())
        .isEqualTo(401);
    calculate("env-staff", "999999", 2027, "初回算定").assertProblem(403);
    assertThat(uploads(2027)).isZero();
  }

  @Test
  void anAdministratorKeepsTheCatalogueButCannotChangeAStatutoryFactor() {
    var admin = Http.as(port, "demo");
    var utility = new java.util.LinkedHashMap<String, Object>(Map.of("code", "API_UTILITY", "kind", "ELECTRICITY",
        "name", "テスト電力（2024年度）", "unit", "kWh", "gas", "CO2", "factor", 0.000433, "validFrom", 2024,
        "source", "テスト用", "locked", false));
    utility.put("validTo", 2024);
    assertThat(admin.post("/api/emission-factors", utility).status()).isEqualTo(201);
    Http.as(port, "jimukyoku").post("/api/emission-factors", utility).assertProblem(403);
    admin.post("/api/emission-factors", utility).assertProblem(409, "重なっています");

    var corrected = admin.put("/api/emission-factors/API_UTILITY/CO2/2024", Map.of("factor", 0.000435, "source", "訂正"));
    assertThat(corrected.status()).as(corrected.toString()).isEqualTo(200);
    assertThat(corrected.json().path("factor").decimalValue()).isEqualByComparingTo("0.000435");
    admin.put("/api/emission-factors/GASOLINE/CO2/2013", Map.of("factor", 2.3, "source", "変更")).assertProblem(409,
        "法定の係数のため変更できません");
    assertThat(Http.as(port, "demo").get("/api/emission-factors").json().findValuesAsText("code"))
        .contains("GASOLINE", "ELECTRICITY", "API_UTILITY");
  }

  @Test
  void notFoundWhereNothingWasCalculated() {
    Http.as(port, "demo").get("/api/emissions/" + TOWN + "/2099").assertProblem(404, "2099年度の排出量");
    Http.as(port, "demo").get("/api/emissions/000001/2020").assertProblem(404, "000001");
    upload("demo", "000001", 2020, utf8(HEADER)).assertProblem(404, "000001");
    Http.as(port, "env-staff").get("/api/emissions/" + TOWN + "/2025").assertProblem(403);
  }

  private int uploads(int year) {
    return db.queryForObject("select count(*) from activity_upload where municipality_code = ? and inventory_year = ?",
        Integer.class, TOWN, year);
  }
}

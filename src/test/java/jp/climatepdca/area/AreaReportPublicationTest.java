package jp.climatepdca.area;

import static jp.climatepdca.area.ReportArea.AREA;
import static jp.climatepdca.area.ReportArea.AREA_USER;
import static jp.climatepdca.area.ReportArea.LIAISON_USER;
import static jp.climatepdca.area.ReportArea.TOWN_USER;
import static jp.climatepdca.area.ReportArea.YEAR;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import jp.climatepdca.testing.AppTest;
import jp.climatepdca.testing.Http;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The two service tasks of the area cycle run by the engine on a process whose business key names the area
 * and year (as area-cycle.bpmn's do), then what they published: the public page, PDF and CSV with every
 * member's contribution, nothing for a year not published, and the compilation API for the area's bodies only.
 */
@AppTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AreaReportPublicationTest {

  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private static final String PROCESS = "area-report-delegates-test";
  /** Task_CompileArea and Task_PublishAreaReport with the beans area-cycle.bpmn names, nothing else. */
  private static final String BPMN = """
      <?xml version="1.0" encoding="UTF-8"?>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_AreaReportTest"
          targetNamespace="http://climatepdca.jp/test">
        <bpmn:process id="%s" isExecutable="true" camunda:historyTimeToLive="P1D">
          <bpmn:startEvent id="Event_Start"/>
          <bpmn:sequenceFlow id="Flow_1" sourceRef="Event_Start" targetRef="Task_CompileArea"/>
          <bpmn:serviceTask id="Task_CompileArea" name="圏域の取りまとめ" camunda:delegateExpression="${compileAreaDelegate}"/>
          <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_CompileArea" targetRef="Task_PublishAreaReport"/>
          <bpmn:serviceTask id="Task_PublishAreaReport" name="圏域の年次報告書の公表"
              camunda:delegateExpression="${publishAreaReportDelegate}"/>
          <bpmn:sequenceFlow id="Flow_3" sourceRef="Task_PublishAreaReport" targetRef="Event_End"/>
          <bpmn:endEvent id="Event_End"/>
        </bpmn:process>
      </bpmn:definitions>
      """.formatted(PROCESS);

  @LocalServerPort
  int port;

  @Autowired
  ApplicationContext context;

  @Autowired
  RepositoryService repository;

  @Autowired
  RuntimeService runtime;

  @Autowired
  HistoryService history;

  @Autowired
  JdbcTemplate db;

  @Autowired
  AreaReportService reports;

  private String deployment;
  private String instance;

  @BeforeAll
  void publishThroughTheEngine() {
    ReportArea.ensure(port, context);
    deployment = repository.createDeployment().name(PROCESS).addString(PROCESS + ".bpmn", BPMN).deploy().getId();
    instance = runtime.startProcessInstanceByKey(PROCESS, AREA + ":" + YEAR).getId();
  }

  @AfterAll
  void undeploy() {
    repository.deleteDeployment(deployment, true);
  }

  @Test
  void theDelegatesCompileAndPublishTheYearOfTheBusinessKey() {
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(instance).singleResult().getEndTime())
        .isNotNull();
    assertThat(db.queryForList("select fiscal_year from area_compilation where area_code = ?", Integer.class, AREA))
        .contains(YEAR);
    assertThat(db.queryForMap("select version, compilation_number from area_report where area_code = ?"
        + " and fiscal_year = ?", AREA, YEAR)).containsEntry("VERSION", 1);
    assertThat(db.queryForList("select f.kind from area_report_file f join area_report r on r.id = f.report_id"
        + " where r.area_code = ? and r.fiscal_year = ?", String.class, AREA, YEAR))
        .containsExactlyInAnyOrder("PDF", "CSV", "MEASURES_CSV", "INDICATORS_CSV");
  }

  @Test
  void thePublicPageShowsEveryMembersContributionWithoutLogin() {
    var page = get("/public/areas/" + AREA + "/" + YEAR);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    assertThat(page.headers().firstValue("Content-Security-Policy").orElse("")).contains("script-src 'self'");
    assertThat(text(page)).contains("報告テスト圏域 地球温暖化対策実行計画 年次報告書", "2026年度（令和8年度）",
        "構成市町村：東町、西町、南村", "東町（事務局）", "1,600.0", "西町", "2,300.0", "南村", "未確定",
        "圏域合計（確認済みの市町村のみ）", "3,900.0", "第1版（初回算定）", "第2版は確認されていない",
        "確認済みの排出量がない市町村があるため", "【重点事業】AM-01 住宅の省エネ化", "申請が少なかった", "未提出",
        "2030年度 46%削減（2013年度比）", "圏域の温室効果ガス排出量", "chart-members", "chart-progress",
        "name=\"viewport\"", "/public/areas/report-area/2026.pdf", "/public/areas/report-area/2026.csv");
    // the GHG indicator has no actual while a member's inventory is missing
    assertThat(text(page)).doesNotContain("3.9（2024年度）");
  }

  @Test
  void thePageLinksAMembersOwnReportOnceItIsPublished() {
    var path = "/public/areas/" + AREA + "/" + YEAR;
    assertThat(text(get(path))).doesNotContain("構成市町村の年次報告書");
    jp.climatepdca.publication.PublishedReports.publish(context, ReportArea.WEST, YEAR, "西町の年次報告");
    assertThat(text(get(path))).contains("構成市町村の年次報告書", "href=\"/public/945202/2026\"")
        .doesNotContain("href=\"/public/945201/2026\"");
    assertThat(get("/public/945202/2026").statusCode()).isEqualTo(200);
  }

  @Test
  void thePdfHasEveryMemberAndTheTotalsInJapaneseText() throws IOException {
    var response = get("/public/areas/" + AREA + "/" + YEAR + ".pdf");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/pdf");
    assertThat(response.headers().firstValue("Content-Disposition").orElse(""))
        .contains("area-report-report-area-2026-v1.pdf");
    // kept for a look at the layout, like the browser tests' screenshots
    java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/browser"));
    java.nio.file.Files.write(java.nio.file.Path.of("target/browser/public-area-report.pdf"), response.body());
    try (var pdf = Loader.loadPDF(response.body())) {
      var text = flat(new PDFTextStripper().getText(pdf));
      assertThat(text).contains(flat("報告テスト圏域 地球温暖化対策実行計画 年次報告書"), "東町", "西町", "南村", "1,600.0",
          "2,300.0", "3,900.0", "第1版（初回算定）", "【重点事業】AM-01住宅の省エネ化", "共通施策の進捗状況");
      for (var page : pdf.getPages()) {
        for (var name : page.getResources().getFontNames()) {
          assertThat(page.getResources().getFont(name).isEmbedded()).isTrue();
        }
      }
    }
  }

  @Test
  void theCsvIsExcelReadyWithEveryMemberAndTheArea() {
    var response = get("/public/areas/" + AREA + "/" + YEAR + ".csv");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    var body = response.body();
    assertThat(new byte[] {body[0], body[1], body[2]}).containsExactly(0xEF, 0xBB, 0xBF);
    var csv = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
    assertThat(csv).startsWith("\"算定年度\",\"市町村コード\",\"市町村名\"")
        .contains("2024,\"945201\",\"東町\",\"第1版（初回算定）\",\"合計\",\"合計\",1600")
        .contains("2024,\"945202\",\"西町\",\"第1版（初回算定）\",\"ガス\",\"CO2\",2300")
        .contains("2024,\"945203\",\"南村\",,\"未確定\"")
        .contains("\"報告テスト圏域\",,\"合計\",\"圏域合計（確認済みの市町村のみ）\",3900")
        .contains("\r\n");
    var measures = new String(get("/public/areas/" + AREA + "/" + YEAR + "/measures.csv").body(), StandardCharsets.UTF_8);
    assertThat(measures).contains("\"AM-01\",\"住宅の省エネ化\",\"家庭部門\",\"重点\",\"945202\",\"西町\",\"実施事業\",\"M-01\",\"遅れ\"");
    // the same bytes again answer 304 to their ETag
    var etag = response.headers().firstValue("ETag").orElseThrow();
    assertThat(send("/public/areas/" + AREA + "/" + YEAR + ".csv", etag).statusCode()).isEqualTo(304);
  }

  @Test
  void aCompleteYearGivesTheAreasGhgIndicatorItsActualValue() {
    reports.publish(AREA, ReportArea.COMPLETE_YEAR, AREA_USER);
    var page = text(get("/public/areas/" + AREA + "/" + ReportArea.COMPLETE_YEAR));
    // 3,600 t-CO2 in 千t-CO2, against the base value 5.5
    assertThat(page).contains("3,600.0", "3.6（2025年度）", "-34.5%", "目標の経路を達成").doesNotContain("未確定");
  }

  @Test
  void aYearNotPublishedIsNotFoundAtEveryAddress() {
    for (var path : new String[] {"/public/areas/" + AREA + "/2028", "/public/areas/no-such-area/" + YEAR,
        "/public/areas/" + AREA + "/20x6", "/public/areas/" + AREA + "/" + YEAR + "x"}) {
      var page = get(path);
      assertThat(page.statusCode()).as(path).isEqualTo(404);
      assertThat(text(page)).as(path).contains("ページが見つかりません");
    }
    for (var path : new String[] {"/public/areas/" + AREA + "/2028.pdf", "/public/areas/" + AREA + "/2028.csv",
        "/public/areas/" + AREA + "/2028/measures.csv"}) {
      var file = get(path);
      assertThat(file.statusCode()).as(path).isEqualTo(404);
      assertThat(text(file)).as(path).isEqualTo("公表されていません");
    }
  }

  @Test
  void onlyTheAreasBodiesAndAdministratorsReadTheCompilation() {
    var path = "/api/area-cycles/" + AREA + "/" + YEAR + "/compilation";
    for (var user : new String[] {AREA_USER, LIAISON_USER, "demo"}) {
      var answer = Http.as(port, user).get(path);
      assertThat(answer.status()).as(user + ": " + answer).isEqualTo(200);
      assertThat(answer.json().get("total").decimalValue()).isEqualByComparingTo("3900");
      assertThat(answer.json().get("members").get(2).get("missing").asBoolean()).isTrue();
    }
    // a member town's secretariat, even the lead's, does not read the other members' figures here
    Http.as(port, TOWN_USER).get(path).assertProblem(403, "圏域の事務局");
    assertThat(Http.anonymous(port).get(path).status()).isEqualTo(401);
    Http.as(port, AREA_USER).get("/api/area-cycles/" + AREA + "/2029/compilation").assertProblem(404, "まだありません");
    Http.as(port, AREA_USER).get("/api/area-cycles/" + AREA + "/1800/compilation").assertProblem(400, "年度は1990〜2100");
    // another area's secretariat is no area body of this one
    Http.as(port, AREA_USER).get("/api/area-cycles/other-area/" + YEAR + "/compilation").assertProblem(403, "圏域の事務局");
  }

  private static String flat(String text) {
    return text.replaceAll("\\s+", "");
  }

  private static String text(HttpResponse<byte[]> response) {
    return new String(response.body(), StandardCharsets.UTF_8);
  }

  private HttpResponse<byte[]> get(String path) {
    return send(path, null);
  }

  private HttpResponse<byte[]> send(String path, String ifNoneMatch) {
    var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
    if (ifNoneMatch != null) {
      request.header("If-None-Match", ifNoneMatch);
    }
    try {
      return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}

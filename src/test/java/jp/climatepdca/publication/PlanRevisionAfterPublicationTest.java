package jp.climatepdca.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.climatepdca.assessment.AssessmentInput;
import jp.climatepdca.assessment.Progress;
import jp.climatepdca.assessment.SelfAssessmentService;
import jp.climatepdca.evaluation.EvaluationService;
import jp.climatepdca.plan.ActualValueInput;
import jp.climatepdca.plan.MeasureView;
import jp.climatepdca.plan.PlanIndicatorService;
import jp.climatepdca.plan.PlanService;
import jp.climatepdca.publication.ReportSnapshot.ReportRequest;
import jp.climatepdca.testing.AppTest;
import jp.climatepdca.testing.Http;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A town (くすのき町, 941901) publishes fiscal year 2026 (reviewing 2025) against version 1 of its plan, then
 * loads its mid-term review (version 2, effective 2026): every answer about 2026 stays as published, and
 * 2027 (reviewing 2026) is graded and assessed against version 2. A version that would reach back into 2025
 * is refused with nothing stored. Runs through /api as the secretariat's tools would, the year's Check and
 * report through the services the BPMN's listeners call.
 */
@AppTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlanRevisionAfterPublicationTest {

  static final String TOWN = "941901";
  static final int PUBLISHED = 2026;

  static final String VERSION_1 = """
      {"plan": {"firstYear": 2021, "lastYear": 2030, "reason": "策定"},
       "municipality": {"code": "941901", "name": "くすのき町", "baseYear": 2013, "baseEmissions": 80000},
       "departments": [{"code": "kankyo", "name": "環境課"}, {"code": "doboku", "name": "土木課"}],
       "measures": [{"code": "K-01", "department": "kankyo", "name": "住宅用太陽光発電の補助", "sector": "HOUSEHOLD",
                     "kind": "IMPLEMENTATION", "keyProject": true},
                    {"code": "K-02", "department": "kankyo", "name": "省エネ家電の買替え補助", "sector": "HOUSEHOLD",
                     "kind": "IMPLEMENTATION"},
                    {"code": "K-03", "department": "doboku", "name": "街路灯のLED化", "sector": "COMMERCIAL",
                     "kind": "IMPLEMENTATION"}],
       "indicators": [
         {"code": "SOLAR", "name": "住宅用太陽光の補助件数（累計）", "unit": "件", "measure": "K-01",
          "direction": "HIGHER", "baseYear": 2020, "baseValue": 100, "targetYear": 2030, "targetValue": 600},
         {"code": "KADEN", "name": "省エネ家電の買替え件数（累計）", "unit": "件", "measure": "K-02",
          "direction": "HIGHER", "baseYear": 2020, "baseValue": 0, "targetYear": 2030, "targetValue": 500}],
       "emissionTargets": [{"year": 2030, "reductionPercent": 46, "label": "2030年度 46%削減（2013年度比）"}]}
      """;

  /**
   * The mid-term review: the solar target raised and renamed, K-02 replaced by K-04 from 2026 (its indicator
   * retired with it), K-03 left out of the file (kept as it was), the 2030 target raised.
   */
  static final String VERSION_2 = """
      {"plan": {"firstYear": 2021, "lastYear": 2030, "effectiveYear": EFFECTIVE, "reason": "中間見直し"},
       "municipality": {"code": "941901", "name": "くすのき町", "baseYear": 2013, "baseEmissions": 80000},
       "departments": [{"code": "kankyo", "name": "環境課"}],
       "measures": [{"code": "K-01", "department": "kankyo", "name": "住宅用太陽光発電・蓄電池の補助",
                     "sector": "HOUSEHOLD", "kind": "IMPLEMENTATION", "keyProject": true},
                    {"code": "K-02", "department": "kankyo", "name": "省エネ家電の買替え補助", "sector": "HOUSEHOLD",
                     "kind": "IMPLEMENTATION", "retiredFrom": 2026},
                    {"code": "K-04", "department": "kankyo", "name": "住宅の断熱改修補助", "sector": "HOUSEHOLD",
                     "kind": "IMPLEMENTATION", "replaces": "K-02"}],
       "indicators": [
         {"code": "SOLAR", "name": "住宅用太陽光・蓄電池の補助件数（累計）", "unit": "件", "measure": "K-01",
          "direction": "HIGHER", "baseYear": 2020, "baseValue": 100, "targetYear": 2030, "targetValue": 1000},
         {"code": "DANNETSU", "name": "断熱改修の補助件数（累計）", "unit": "件", "measure": "K-04",
          "direction": "HIGHER", "baseYear": 2025, "baseValue": 0, "targetYear": 2030, "targetValue": 300}],
       "emissionTargets": [{"year": 2030, "reductionPercent": 50, "label": "2030年度 50%削減（2013年度比）"}]}
      """;

  @LocalServerPort
  int port;

  @Autowired
  SelfAssessmentService assessments;

  @Autowired
  EvaluationService evaluations;

  @Autowired
  AnnualReportService reports;

  @Autowired
  PlanService plan;

  @Autowired
  PlanIndicatorService indicators;

  @Autowired
  JdbcTemplate db;

  @Autowired
  jp.climatepdca.plan.PlanVersionService versionService;

  private final Map<String, byte[]> published = new LinkedHashMap<>();

  @BeforeAll
  void publishFiscalYear2026AgainstVersion1() throws Exception {
    assertThat(secretariat().post("/api/plans", VERSION_1).status()).isEqualTo(200);
    assessments.save(TOWN, PUBLISHED, "kankyo", List.of(
        new AssessmentInput("K-01", Progress.ON_TRACK, "補助を80件実施した", null, null),
        new AssessmentInput("K-02", Progress.DELAYED, "買替え補助を20件実施した", "周知不足", null)), "kusunoki-staff");
    assessments.save(TOWN, PUBLISHED, "doboku", List.of(
        new AssessmentInput("K-03", Progress.ON_TRACK, "街路灯200基をLED化した", null, null)), "kusunoki-staff");
    evaluations.saveSecretariatSummary(TOWN, PUBLISHED, "概ね順調");
    evaluations.saveHeadquartersEvaluation(TOWN, PUBLISHED, "妥当と評価する");
    // 2025's values, and 2026's (entered later, for the next cycle): on the old path, behind the new one
    indicators.record(TOWN, 2025, List.of(new ActualValueInput("SOLAR", new BigDecimal("360"), "町の集計"),
        new ActualValueInput("KADEN", new BigDecimal("200"), "町の集計")), "jimukyoku");
    reports.prepare(new ReportRequest(TOWN, PUBLISHED, PUBLISHED - 1, PUBLISHED - 2, "くすのき町の2025年度の取組", null),
        Map.of(), "jimukyoku");
    reports.approve(TOWN, PUBLISHED, "honbu");
    reports.publish(TOWN, PUBLISHED, "jimukyoku");
    for (var path : publicFiles()) {
      published.put(path, publicBytes(path));
    }
    published.put("/api/indicators/" + TOWN + "/" + PUBLISHED, apiBytes("/api/indicators/" + TOWN + "/" + PUBLISHED));
    published.put("/api/reports/" + TOWN + "/" + PUBLISHED, apiBytes("/api/reports/" + TOWN + "/" + PUBLISHED));
    indicators.record(TOWN, 2026, List.of(new ActualValueInput("SOLAR", new BigDecimal("400"), "町の集計")), "jimukyoku");
  }

  private static List<String> publicFiles() {
    var base = "/public/" + TOWN + "/" + PUBLISHED;
    return List.of(base, base + "/report.pdf", base + "/report.json", base + "/measures.csv", base + "/indicators.csv",
        base + "/emissions.csv", "/public/" + TOWN);
  }

  @Test
  @Order(1)
  void aVersionReachingIntoThePublishedYearIsRefusedAndNothingIsStored() {
    var before = counts();
    secretariat().post("/api/plans", VERSION_2.replace("EFFECTIVE", "2025"))
        .assertProblem(409, "2025年度から適用", "2025年度の実績は2026年度のサイクルで年次報告書を公表済み", "2026年度以降");
    assertThat(counts()).isEqualTo(before);
    assertThat(indicators.indicator(TOWN, "SOLAR").targetValue()).isEqualByComparingTo("600");
  }

  @Test
  @Order(2)
  void theRevisionKeepsThePublishedYearAndGradesTheNextAgainstVersion2() throws Exception {
    var loaded = secretariat().post("/api/plans", VERSION_2.replace("EFFECTIVE", "2026"));
    assertThat(loaded.status()).as(loaded.toString()).isEqualTo(200);
    assertThat(loaded.json().path("version").asInt()).isEqualTo(2);
    assertThat(loaded.json().path("versionCreated").asBoolean()).isTrue();

    // the published year: the API, the page, the PDF, the CSVs and the JSON, byte for byte
    for (var entry : published.entrySet()) {
      var now = entry.getKey().startsWith("/api/") ? apiBytes(entry.getKey()) : publicBytes(entry.getKey());
      assertThat(new String(now, java.nio.charset.StandardCharsets.ISO_8859_1)).as(entry.getKey())
          .isEqualTo(new String(entry.getValue(), java.nio.charset.StandardCharsets.ISO_8859_1));
    }
    var year2026 = secretariat().get("/api/indicators/" + TOWN + "/2026").json().path("indicators");
    assertThat(year2026.findValuesAsText("code")).containsExactly("KADEN", "SOLAR");
    assertThat(year2026.get(1).path("targetValue").decimalValue()).isEqualByComparingTo("600");
    assertThat(year2026.get(1).path("grade").asText()).isEqualTo("ON_TRACK");

    // 2027 reviews 2026: version 2's target, the retired measure's indicator gone, the new one there
    var year2027 = secretariat().get("/api/indicators/" + TOWN + "/2027").json().path("indicators");
    assertThat(year2027.findValuesAsText("code")).containsExactly("DANNETSU", "SOLAR");
    var solar = year2027.get(1);
    assertThat(solar.path("name").asText()).isEqualTo("住宅用太陽光・蓄電池の補助件数（累計）");
    assertThat(solar.path("targetValue").decimalValue()).isEqualByComparingTo("1000");
    assertThat(solar.path("actualValue").decimalValue()).isEqualByComparingTo("400");
    assertThat(solar.path("grade").asText()).isEqualTo("BEHIND");
    assertThat(solar.path("measureName").asText()).isEqualTo("住宅用太陽光発電・蓄電池の補助");

    // the self-assessment of 2027 leaves K-02 out and asks K-04; K-03, left out of the file, stays
    assertThat(plan.activeMeasures(TOWN, 2026)).extracting(MeasureView::code).containsExactly("K-01", "K-03", "K-04");
    assertThat(plan.activeMeasures(TOWN, 2025)).extracting(MeasureView::code).containsExactly("K-01", "K-02", "K-03");
    assertThat(plan.assessingDepartmentCodes(TOWN, 2026)).containsExactly("kankyo", "doboku");
  }

  @Test
  @Order(3)
  void theSameFileAgainIsNoNewVersion() {
    var again = secretariat().post("/api/plans", VERSION_2.replace("EFFECTIVE", "2026"));
    assertThat(again.json().path("version").asInt()).isEqualTo(2);
    assertThat(again.json().path("versionCreated").asBoolean()).isFalse();
    // version 1's file (a start-up file loaded again after the revision) does not undo it
    var first = secretariat().post("/api/plans", VERSION_1);
    assertThat(first.json().path("version").asInt()).isEqualTo(1);
    assertThat(indicators.indicator(TOWN, "SOLAR").targetValue()).isEqualByComparingTo("1000");
    assertThat(db.queryForObject("select count(*) from plan_version where municipality_code = ?", Integer.class, TOWN))
        .isEqualTo(2);
  }

  @Test
  @Order(4)
  void versionsAndTheirDifference() {
    var versions = secretariat().get("/api/plans/" + TOWN + "/versions").json();
    assertThat(versions.findValuesAsText("number")).containsExactly("1", "2");
    assertThat(versions.get(0).path("reasonLabel").asText()).isEqualTo("策定");
    assertThat(versions.get(0).path("effectiveYear").asInt()).isEqualTo(2021);
    assertThat(versions.get(1).path("reason").asText()).isEqualTo("MIDTERM_REVIEW");
    assertThat(versions.get(1).path("reasonLabel").asText()).isEqualTo("中間見直し");
    assertThat(versions.get(1).path("effectiveYear").asInt()).isEqualTo(2026);
    assertThat(versions.get(1).path("firstYear").asInt()).isEqualTo(2021);
    assertThat(versions.get(1).path("lastYear").asInt()).isEqualTo(2030);
    assertThat(versions.get(1).path("loadedBy").asText()).isEqualTo("demo");
    assertThat(versions.get(1).path("loadedAt").asText()).isNotBlank();

    var diff = secretariat().get("/api/plans/" + TOWN + "/versions/1/diff/2").json();
    var measures = diff.path("measures");
    assertThat(measures.path("added").findValuesAsText("code")).containsExactly("K-04");
    assertThat(measures.path("retired").get(0).path("code").asText()).isEqualTo("K-02");
    assertThat(measures.path("retired").get(0).path("retiredFrom").asInt()).isEqualTo(2026);
    assertThat(measures.path("replaced").get(0).path("code").asText()).isEqualTo("K-02");
    assertThat(measures.path("replaced").get(0).path("by").asText()).isEqualTo("K-04");
    assertThat(measures.path("changed").findValuesAsText("code")).containsExactly("K-01");
    assertThat(measures.path("changed").get(0).path("changes").get(0).toString())
        .isEqualTo("{\"field\":\"name\",\"before\":\"住宅用太陽光発電の補助\",\"after\":\"住宅用太陽光発電・蓄電池の補助\"}");
    var solar = diff.path("indicators").path("changed").get(0);
    assertThat(solar.path("code").asText()).isEqualTo("SOLAR");
    assertThat(solar.path("changes").findValuesAsText("field")).containsExactly("name", "targetValue");
    assertThat(solar.path("changes").get(1).path("before").asText()).isEqualTo("600");
    assertThat(solar.path("changes").get(1).path("after").asText()).isEqualTo("1000");
    assertThat(diff.path("indicators").path("added").findValuesAsText("code")).containsExactly("DANNETSU");
    // retired with its measure
    assertThat(diff.path("indicators").path("retired").toString())
        .isEqualTo("[{\"code\":\"KADEN\",\"name\":\"省エネ家電の買替え件数（累計）\",\"retiredFrom\":2026}]");
    var target = diff.path("targets").path("changed").get(0);
    assertThat(target.path("code").asText()).isEqualTo("2030");
    assertThat(target.path("changes").get(0).path("field").asText()).isEqualTo("reductionPercent");
    assertThat(target.path("changes").get(0).path("after").asText()).isEqualTo("50");
  }

  @Test
  @Order(5)
  void onlyThoseWhoReviewTheWholePlanReadTheVersions() {
    // the demo city's own: secretariat, headquarters and committee read; a department's staff does not
    for (var user : List.of("jimukyoku", "honbu", "iinkai")) {
      assertThat(Http.as(port, user).get("/api/plans/999999/versions").status()).as(user).isEqualTo(200);
    }
    Http.as(port, "env-staff").get("/api/plans/999999/versions").assertProblem(403);
    // another town's secretariat
    Http.as(port, "jimukyoku").get("/api/plans/" + TOWN + "/versions").assertProblem(403);
    Http.as(port, "jimukyoku").get("/api/plans/" + TOWN + "/versions/1/diff/2").assertProblem(403);
    Http.as(port, "demo").get("/api/plans/" + TOWN + "/versions/1/diff/9").assertProblem(404, "第9版");
  }

  /** A correction of the published year, prepared after the revision, freezes what the published version froze. */
  @Test
  @Order(6)
  void aCorrectionOfThePublishedYearIsSnapshotAgainstVersion1() {
    var published = reports.latestPublishedContent(TOWN, PUBLISHED).orElseThrow();
    assertThat(published.targets()).extracting(ReportContent.Target::reductionPercent)
        .usingElementComparator(BigDecimal::compareTo).containsExactly(new BigDecimal("46"));
    reports.prepare(new ReportRequest(TOWN, PUBLISHED, PUBLISHED - 1, PUBLISHED - 2, "訂正版", "誤字の訂正"), Map.of(),
        "jimukyoku");
    var correction = reports.openDraft(TOWN, PUBLISHED).orElseThrow();
    assertThat(correction.version()).isEqualTo(2);
    assertThat(correction.indicators()).isEqualTo(published.indicators());
    assertThat(correction.targets()).isEqualTo(published.targets());
    assertThat(correction.targetPath()).isEqualTo(published.targetPath());
    assertThat(correction.measures()).isEqualTo(published.measures());
  }

  /** What a plan-period evaluation will call: the same checks and the same version history as a file upload. */
  @Test
  @Order(7)
  void aProcessCreatesTheNextVersionThroughTheService() {
    var third = VERSION_2.replace("EFFECTIVE", "2027").replace("中間見直し", "改定").replace("\"targetValue\": 1000",
        "\"targetValue\": 1200");
    var view = versionService.createVersion(TOWN, new java.io.ByteArrayInputStream(
        third.getBytes(java.nio.charset.StandardCharsets.UTF_8)), "honbu");
    assertThat(view.number()).isEqualTo(3);
    assertThat(view.reasonLabel()).isEqualTo("改定");
    assertThat(view.loadedBy()).isEqualTo("honbu");
    assertThat(indicators.indicators(TOWN, 2026)).filteredOn(i -> i.code().equals("SOLAR"))
        .extracting(i -> i.targetValue().intValue()).containsExactly(1000);
    assertThat(indicators.indicators(TOWN, 2027)).filteredOn(i -> i.code().equals("SOLAR"))
        .extracting(i -> i.targetValue().intValue()).containsExactly(1200);
    // only the municipality it was asked for
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> versionService.createVersion("999999",
        new java.io.ByteArrayInputStream(third.getBytes(java.nio.charset.StandardCharsets.UTF_8)), "honbu"))
        .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
  }

  private Http secretariat() {
    // the town has no users of its own in the demo profile: the administrator loads for it
    return Http.as(port, "demo");
  }

  private List<Long> counts() {
    return List.of("plan_version", "measure", "indicator", "emission_target", "department").stream()
        .map(t -> db.queryForObject("select count(*) from " + t, Long.class)).toList();
  }

  private byte[] apiBytes(String path) {
    return secretariat().get(path).body().getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  private byte[] publicBytes(String path) throws Exception {
    var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    return response.body();
  }
}

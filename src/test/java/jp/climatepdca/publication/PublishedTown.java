package jp.climatepdca.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import jp.climatepdca.assessment.AssessmentInput;
import jp.climatepdca.assessment.Progress;
import jp.climatepdca.assessment.SelfAssessmentService;
import jp.climatepdca.evaluation.EvaluationService;
import jp.climatepdca.evaluation.EvaluationService.OpinionInput;
import jp.climatepdca.plan.PlanImportService;
import jp.climatepdca.plan.PlanService;
import jp.climatepdca.publication.ReportSnapshot.ReportRequest;
import jp.climatepdca.testing.Http;

/**
 * A town of the publication tests (あおば町, 910001) with a year's Check on record, two indicators with
 * actual values, reduction targets, its emissions for the base year and the inventory year, and the annual
 * report of 2026 published through the service the
 * BPMN's listeners call. A department's answer carries markup, which must stay text everywhere.
 */
final class PublishedTown {

  static final String CODE = "910001";
  /** Loaded, never published. */
  static final String UNPUBLISHED = "910002";
  static final int YEAR = 2026;
  /** Prepared and approved, but not published. */
  static final int DRAFT_YEAR = 2027;
  static final String SCRIPT = "<script>alert(1)</script>";
  static final String IMG = "\"><img src=x onerror=alert(1)>";

  private PublishedTown() {}

  static synchronized void ensure(int port, PlanService plan, PlanImportService importer,
      SelfAssessmentService assessments, EvaluationService evaluations, AnnualReportService reports) {
    if (plan.findMunicipality(CODE).isPresent()) {
      return;
    }
    load(importer, CODE, "あおば町");
    load(importer, UNPUBLISHED, "わかば村");
    for (int year : List.of(YEAR, DRAFT_YEAR)) {
      assessments.save(CODE, year, "kankyo", List.of(
          new AssessmentInput("A-01", Progress.ON_TRACK, "太陽光発電の補助を120件実施した " + SCRIPT, "申請の増加 " + IMG,
              "補助枠を拡大する"),
          new AssessmentInput("A-02", Progress.DELAYED, "省エネ診断を10件実施した", "事業者への周知不足", null)), "aoba-staff");
      evaluations.saveSecretariatSummary(CODE, year, "概ね順調に進捗している。");
      evaluations.saveHeadquartersEvaluation(CODE, year, "推進本部として妥当と評価する。");
      evaluations.addOpinions(CODE, year, "task-" + year, "iinkai", List.of(new OpinionInput("A-02", "周知の方法を工夫すること"),
          new OpinionInput(null, "市民への分かりやすい公表に努めること")));
    }
    emissions(port, 2013, "産業,製造業,,5000,t-CO2,県の按分推計,CO2\n家庭,,,3000,t-CO2,県の按分推計,CO2\n");
    emissions(port, 2024, "産業,製造業,,4000,t-CO2,県の按分推計,CO2\n家庭,,,2500,t-CO2,県の按分推計,CO2\n運輸,自動車,,1000,t-CO2,県の按分推計,CO2\n");

    actual(port, "SOLAR", 400);
    actual(port, "WASTE", 880);

    var opinions = evaluations.opinions(CODE, YEAR);
    reports.prepare(new ReportRequest(CODE, YEAR, YEAR - 1, YEAR - 2, "あおば町の2025年度の取組は概ね順調でした。", null),
        Map.of(opinions.get(0).id(), "説明会を年4回に増やします", opinions.get(1).id(), "公表ページを改善します"), "jimukyoku");
    reports.approve(CODE, YEAR, "honbu");
    reports.publish(CODE, YEAR, "jimukyoku");

    var draftOpinions = evaluations.opinions(CODE, DRAFT_YEAR);
    reports.prepare(new ReportRequest(CODE, DRAFT_YEAR, DRAFT_YEAR - 1, DRAFT_YEAR - 2, "未公表の下書き", null),
        Map.of(draftOpinions.get(0).id(), "対応1", draftOpinions.get(1).id(), "対応2"), "jimukyoku");
    reports.approve(CODE, DRAFT_YEAR, "honbu");
  }

  /** A plan of two measures and two indicators for a municipality of the publication tests. */
  static void load(PlanImportService importer, String code, String name) {
    importer.importPlan(new ByteArrayInputStream("""
        {"municipality": {"code": "%s", "name": "%s", "baseYear": 2013},
         "departments": [{"code": "kankyo", "name": "環境課"}],
         "measures": [{"code": "A-01", "department": "kankyo", "name": "住宅用太陽光発電の補助", "sector": "HOUSEHOLD",
                       "kind": "IMPLEMENTATION", "keyProject": true},
                      {"code": "A-02", "department": "kankyo", "name": "事業所の省エネ診断", "sector": "COMMERCIAL",
                       "kind": "STUDY"}],
         "indicators": [
           {"code": "SOLAR", "name": "住宅用太陽光の補助件数（累計）", "unit": "件", "measure": "A-01",
            "direction": "HIGHER", "baseYear": 2020, "baseValue": 100, "targetYear": 2030, "targetValue": 600},
           {"code": "WASTE", "name": "1人1日あたりごみ排出量", "unit": "g", "direction": "LOWER",
            "baseYear": 2013, "baseValue": 900, "targetYear": 2030, "targetValue": 700}],
         "emissionTargets": [{"year": 2030, "reductionPercent": 46, "label": "2030年度 46%%削減（2013年度比）"},
                             {"year": 2050, "reductionPercent": 100, "label": "2050年度 実質ゼロ"}]}
        """.formatted(code, name).getBytes(StandardCharsets.UTF_8)));
  }

  /** The reviewed year's (2025) actual value of an indicator, as the secretariat enters it. */
  private static void actual(int port, String indicator, int value) {
    var put = Http.as(port, "demo").put("/api/indicators/" + CODE + "/" + indicator + "/actuals/" + (YEAR - 1),
        Map.of("value", value, "source", "町の集計"));
    assertThat(put.status()).as(put.toString()).isEqualTo(200);
  }

  private static void emissions(int port, int year, String rows) {
    var admin = Http.as(port, "demo");
    var upload = admin.post("/api/emissions/" + CODE + "/" + year + "/activity-data", "text/csv",
        ("部門,小部門,燃料,活動量,単位,出典,ガス\n" + rows).getBytes(StandardCharsets.UTF_8));
    assertThat(upload.status()).as(upload.toString()).isEqualTo(200);
    var calculated = admin.post("/api/emissions/" + CODE + "/" + year + "/calculations", Map.of("reason", "初回算定"));
    assertThat(calculated.status()).as(calculated.toString()).isEqualTo(201);
  }
}

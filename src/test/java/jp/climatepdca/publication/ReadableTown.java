package jp.climatepdca.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.climatepdca.assessment.AssessmentInput;
import jp.climatepdca.assessment.Progress;
import jp.climatepdca.assessment.SelfAssessmentService;
import jp.climatepdca.evaluation.EvaluationService;
import jp.climatepdca.evaluation.EvaluationService.OpinionInput;
import jp.climatepdca.identity.GroupNames;
import jp.climatepdca.plan.PlanImportService;
import jp.climatepdca.plan.PlanService;
import jp.climatepdca.system.CycleReference;
import jp.climatepdca.testing.Http;
import jp.climatepdca.testing.TasklistClient;
import jp.climatepdca.testing.TestUsers;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.ApplicationContext;

/**
 * A town of the report-reading tests (9618xx) as a real one writes its report: four departments with long
 * names, twelve measures whose names run over a phone's width, answers with long addresses in them, two
 * indicators, targets to 2030 and 2050, emissions of the base year and two later years, and the committee's
 * opinions. Its users: {@code <code>-jimukyoku} (secretariat), {@code <code>-honbu} (headquarters),
 * {@code <code>-iinkai} (committee), {@code <code>-kankyo-staff} (a department).
 */
final class ReadableTown {

  static final List<String> DEPARTMENTS = List.of("kankyo", "toshi", "sangyo", "kyoiku");
  private static final List<String> DEPARTMENT_NAMES = List.of("環境部 環境政策課ゼロカーボン推進室", "都市整備部 都市計画課",
      "産業振興部 商工観光課", "教育委員会事務局 教育総務課");

  private ReadableTown() {}

  static synchronized void ensure(ApplicationContext context, int port, String code, String name, int year) {
    if (context.getBean(PlanService.class).findMunicipality(code).isPresent()) {
      return;
    }
    var measures = new ArrayList<Map<String, Object>>();
    for (int i = 1; i <= 12; i++) {
      var measure = new LinkedHashMap<String, Object>();
      measure.put("code", "R-%02d".formatted(i));
      measure.put("department", DEPARTMENTS.get(i % 4));
      measure.put("name", "地域の脱炭素化に向けた住宅・建築物の省エネルギー性能の向上と再生可能エネルギー設備の導入支援事業（その" + i + "）");
      measure.put("sector", i % 2 == 0 ? "HOUSEHOLD" : "COMMERCIAL");
      measure.put("kind", "IMPLEMENTATION");
      measure.put("keyProject", i % 3 == 0);
      measures.add(measure);
    }
    var departments = new ArrayList<Map<String, Object>>();
    for (int d = 0; d < 4; d++) {
      departments.add(Map.of("code", DEPARTMENTS.get(d), "name", DEPARTMENT_NAMES.get(d)));
    }
    var plan = new LinkedHashMap<String, Object>();
    plan.put("plan", Map.of("firstYear", 2021, "lastYear", 2030, "reason", "策定"));
    plan.put("municipality", Map.of("code", code, "name", name, "baseYear", 2013));
    plan.put("departments", departments);
    plan.put("measures", measures);
    plan.put("indicators", List.of(
        Map.of("code", "SOLAR", "name", "住宅用太陽光発電設備の設置補助件数（累計）", "unit", "件", "measure", "R-02",
            "direction", "HIGHER", "baseYear", 2020, "baseValue", 100, "targetYear", 2030, "targetValue", 600),
        Map.of("code", "WASTE", "name", "町民1人1日あたりのごみ排出量", "unit", "g", "direction", "LOWER",
            "baseYear", 2013, "baseValue", 900, "targetYear", 2030, "targetValue", 700)));
    plan.put("emissionTargets", List.of(Map.of("year", 2030, "reductionPercent", 46, "label", "2030年度 46%削減（2013年度比）"),
        Map.of("year", 2050, "reductionPercent", 100, "label", "2050年度 実質ゼロ")));
    context.getBean(PlanImportService.class).importPlan(new ByteArrayInputStream(Http.write(plan)
        .getBytes(StandardCharsets.UTF_8)));

    var identity = context.getBean(IdentityService.class);
    TestUsers.add(identity, code + "-jimukyoku", "事務局", name, GroupNames.secretariat(code));
    TestUsers.add(identity, code + "-honbu", "推進本部", name, GroupNames.headquarters(code));
    TestUsers.add(identity, code + "-iinkai", "委員", name, GroupNames.committee(code));
    TestUsers.add(identity, code + "-kankyo-staff", "環境課", name, GroupNames.departmentStaff(code, "kankyo"));

    var progress = Progress.values();
    for (int d = 0; d < 4; d++) {
      var inputs = new ArrayList<AssessmentInput>();
      for (int i = 1; i <= 12; i++) {
        if (i % 4 == d) {
          inputs.add(new AssessmentInput("R-%02d".formatted(i), progress[i % progress.length],
              "補助金交付件数 " + (i * 10) + "件（https://www.example.lg.jp/zerocarbon/hojokin/jutaku/shoene/kekka-houkoku-" + i
                  + ".html）", "申請手続の電子化が未了で、窓口での受付に時間を要している。", "電子申請の導入と周知を強化する。"));
        }
      }
      context.getBean(SelfAssessmentService.class).save(code, year, DEPARTMENTS.get(d), inputs, code + "-jimukyoku");
    }
    var evaluations = context.getBean(EvaluationService.class);
    evaluations.saveSecretariatSummary(code, year, "概ね順調に進捗している。");
    evaluations.saveHeadquartersEvaluation(code, year, "推進本部として妥当と評価する。");
    evaluations.addOpinions(code, year, "task-" + code, code + "-iinkai", List.of(
        new OpinionInput("R-03", "周知の方法を工夫すること"), new OpinionInput(null, "町民への分かりやすい公表に努めること")));
    emissions(port, code, 2013, 60000, 30000, 20000);
    emissions(port, code, year - 3, 50000, 26000, 17000);
    emissions(port, code, year - 2, 46000, 25000, 16000);
  }

  /** Starts the year's publication (as the cycle's call activity does) and prepares the report as the secretariat. */
  static void prepared(ApplicationContext context, String code, int year) {
    var key = businessKey(code, year);
    context.getBean(RuntimeService.class).createProcessInstanceByKey(AnnualReportPublicationProcess.KEY).businessKey(key)
        .setVariable(CycleReference.MUNICIPALITY, code).setVariable(CycleReference.FISCAL_YEAR, year)
        .setVariable(CycleReference.REVIEW_YEAR, year - 1).setVariable(CycleReference.INVENTORY_YEAR, year - 2)
        .execute();
    var secretariat = new TasklistClient(((org.springframework.boot.web.context.WebServerApplicationContext) context)
        .getWebServer().getPort(), code + "-jimukyoku");
    var task = secretariat.claim(key, AnnualReportPublicationProcess.TASK_PREPARE_REPORT);
    var rows = TasklistClient.rows(secretariat.form(task).get("responses"));
    rows.forEach(r -> r.put("response", "説明会を年4回に増やし、町のホームページで分かりやすく公表します。"));
    secretariat.complete(task, Map.of("summary", "2025年度の取組は概ね順調に進捗しました。\n再生可能エネルギーの導入は目標を上回っています。",
        "responses", rows));
  }

  /** Prepared, approved and published through the three tasks, by the town's own users. */
  static void published(ApplicationContext context, int port, String code, int year) {
    prepared(context, code, year);
    approvedAndPublished(port, code, businessKey(code, year));
  }

  /** The prepared report of the publication {@code key} approved by {@code <code>-honbu}, published by the secretariat. */
  static void approvedAndPublished(int port, String code, String key) {
    var headquarters = new TasklistClient(port, code + "-honbu");
    headquarters.complete(headquarters.claim(key, AnnualReportPublicationProcess.TASK_APPROVE_PUBLICATION),
        Map.of("decision", "APPROVE", "comment", ""));
    var secretariat = new TasklistClient(port, code + "-jimukyoku");
    secretariat.complete(secretariat.claim(key, AnnualReportPublicationProcess.TASK_PUBLISH_REPORT),
        Map.of("decision", "APPROVE", "comment", ""));
  }

  static String businessKey(String code, int year) {
    return new CycleReference(code, year).businessKey() + AnnualReportPublicationProcess.BUSINESS_KEY_SUFFIX;
  }

  private static void emissions(int port, String code, int year, int industry, int household, int transport) {
    var admin = Http.as(port, "demo");
    var rows = "部門,小部門,燃料,活動量,単位,出典,ガス\n産業,製造業,," + industry + ",t-CO2,県の按分推計,CO2\n家庭,,," + household
        + ",t-CO2,県の按分推計,CO2\n運輸,自動車,," + transport + ",t-CO2,県の按分推計,CO2\n";
    var upload = admin.post("/api/emissions/" + code + "/" + year + "/activity-data", "text/csv",
        rows.getBytes(StandardCharsets.UTF_8));
    assertThat(upload.status()).as(upload.toString()).isEqualTo(200);
    var calculated = admin.post("/api/emissions/" + code + "/" + year + "/calculations", Map.of("reason", "初回算定"));
    assertThat(calculated.status()).as(calculated.toString()).isEqualTo(201);
  }
}

package jp.climatepdca.area;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import jp.climatepdca.assessment.AssessmentInput;
import jp.climatepdca.assessment.Progress;
import jp.climatepdca.assessment.SelfAssessmentService;
import jp.climatepdca.emission.AcceptedInventories;
import jp.climatepdca.identity.GroupNames;
import jp.climatepdca.plan.PlanImportService;
import jp.climatepdca.review.ReviewLevel;
import jp.climatepdca.review.ReviewLog;
import jp.climatepdca.review.ReviewOutcome;
import jp.climatepdca.review.ReviewRecord;
import jp.climatepdca.testing.Http;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.ApplicationContext;

/**
 * The area of the area-report tests: 報告テスト圏域 ({@value #AREA}) of three towns, lead 東町 first, with
 * emissions, self-assessments and headquarters decisions chosen so that every rule of the compilation shows:
 *
 * <ul>
 *   <li>inventory year 2024 (fiscal year {@value #YEAR}): 東町 accepted version 1, then a recalculated version 2
 *       nobody accepted yet (version 1 is counted); 西町 accepted version 1; 南村 calculated, never accepted
 *       (missing: counted nowhere);</li>
 *   <li>inventory year 2025 (fiscal year {@value #COMPLETE_YEAR}): all three accepted (a complete area, compared
 *       with the base year and the target path);</li>
 *   <li>base year 2013 of all three: 2,000 + 2,500 + 1,000 = 5,500 t-CO2; the area's target 46% by 2030;</li>
 *   <li>self-assessments of {@value #YEAR}: 東町 and 西町 approved by their headquarters (西町 after a return),
 *       南村 approved and then returned (its result is not submitted).</li>
 * </ul>
 */
final class ReportArea {

  static final String AREA = "report-area";
  static final String EAST = "945201";
  static final String WEST = "945202";
  static final String SOUTH = "945203";
  static final int YEAR = 2026;
  static final int COMPLETE_YEAR = 2027;
  static final String AREA_USER = "rep-area-jimukyoku";
  static final String LIAISON_USER = "rep-area-renraku";
  static final String TOWN_USER = "rep-east-jimukyoku";

  private ReportArea() {}

  static synchronized void ensure(int port, ApplicationContext context) {
    var areas = context.getBean(AreaPlanService.class);
    if (areas.find(AREA).isPresent()) {
      return;
    }
    var plans = context.getBean(PlanImportService.class);
    plan(plans, EAST, "東町");
    plan(plans, WEST, "西町");
    plan(plans, SOUTH, "南村");
    area(context.getBean(AreaImportService.class));
    users(context);

    emissions(port, EAST, 2013, "産業,,,1500,t-CO2,県の按分推計,CO2\n家庭,,,500,t-CO2,県の按分推計,CO2\n");
    emissions(port, WEST, 2013, "産業,,,2500,t-CO2,県の按分推計,CO2\n");
    emissions(port, SOUTH, 2013, "家庭,,,1000,t-CO2,県の按分推計,CO2\n");

    emissions(port, EAST, 2024, "産業,,,1000,t-CO2,県の按分推計,CO2\n家庭,,,500,t-CO2,県の按分推計,CO2\n"
        + "廃棄物,,,100,t-CO2,町の集計,CH4\n");
    AcceptedInventories.accept(context, EAST, 2024);
    emissions(port, EAST, 2024, "産業,,,9999,t-CO2,県の按分推計,CO2\n", "統計の改訂");
    emissions(port, WEST, 2024, "産業,,,2000,t-CO2,県の按分推計,CO2\n運輸,,,300,t-CO2,県の按分推計,CO2\n");
    AcceptedInventories.accept(context, WEST, 2024);
    emissions(port, SOUTH, 2024, "家庭,,,700,t-CO2,県の按分推計,CO2\n");

    emissions(port, EAST, 2025, "産業,,,1000,t-CO2,県の按分推計,CO2\n");
    emissions(port, WEST, 2025, "産業,,,2000,t-CO2,県の按分推計,CO2\n");
    emissions(port, SOUTH, 2025, "家庭,,,600,t-CO2,県の按分推計,CO2\n");
    for (var town : List.of(EAST, WEST, SOUTH)) {
      AcceptedInventories.accept(context, town, 2025);
    }

    var assessments = context.getBean(SelfAssessmentService.class);
    assessments.save(EAST, YEAR, "kankyo", List.of(
        new AssessmentInput("M-01", Progress.ON_TRACK, "断熱改修を20件補助した", null, "継続する"),
        new AssessmentInput("M-02", Progress.COMPLETED, "バス路線を再編した", null, null)), "east-staff");
    assessments.save(WEST, YEAR, "kankyo", List.of(
        new AssessmentInput("M-01", Progress.DELAYED, "申請が少なかった", "周知不足", "説明会を開く")), "west-staff");
    assessments.save(SOUTH, YEAR, "kankyo", List.of(
        new AssessmentInput("M-01", Progress.ON_TRACK, "南村の下書きではない自己評価", null, null)), "south-staff");
    var reviews = context.getBean(ReviewLog.class);
    headquarters(reviews, EAST, ReviewOutcome.APPROVE, 1);
    headquarters(reviews, WEST, ReviewOutcome.RETURN, 2);
    headquarters(reviews, WEST, ReviewOutcome.APPROVE, 3);
    headquarters(reviews, SOUTH, ReviewOutcome.APPROVE, 4);
    headquarters(reviews, SOUTH, ReviewOutcome.RETURN, 5);
  }

  private static void plan(PlanImportService plans, String code, String name) {
    plans.importPlan(new ByteArrayInputStream("""
        {"municipality": {"code": "%s", "name": "%s", "baseYear": 2013},
         "departments": [{"code": "kankyo", "name": "環境課"}],
         "measures": [{"code": "M-01", "department": "kankyo", "name": "住宅の断熱改修の補助", "sector": "HOUSEHOLD",
                       "kind": "IMPLEMENTATION"},
                      {"code": "M-02", "department": "kankyo", "name": "地域公共交通の再編", "sector": "TRANSPORT",
                       "kind": "IMPLEMENTATION"}]}
        """.formatted(code, name).getBytes(StandardCharsets.UTF_8)));
  }

  /** The area file, loaded as POST /api/areas loads it (with the area's tenant and groups). */
  private static void area(AreaImportService importer) {
    importer.importArea(new ByteArrayInputStream(("""
        {"area": {"code": "%s", "name": "報告テスト圏域", "lead": "%s", "firstYear": 2021, "lastYear": 2030,
                  "baseYear": 2013, "resultDeadline": "10-31"},
         "members": [{"code": "%s"}, {"code": "%s"}, {"code": "%s"}],
         "measures": [
           {"code": "AM-01", "name": "住宅の省エネ化", "sector": "HOUSEHOLD", "keyProject": true, "description": "断熱改修の支援",
            "members": [{"municipality": "%s", "kind": "IMPLEMENTATION", "measure": "M-01"},
                        {"municipality": "%s", "kind": "IMPLEMENTATION", "measure": "M-01"},
                        {"municipality": "%s", "kind": "IMPLEMENTATION", "measure": "M-01"}]},
           {"code": "AM-02", "name": "公共交通の利用促進", "sector": "TRANSPORT", "keyProject": false,
            "members": [{"municipality": "%s", "kind": "IMPLEMENTATION", "measure": "M-02"},
                        {"municipality": "%s", "kind": "STUDY"}]}],
         "indicators": [
           {"code": "AGHG", "name": "圏域の温室効果ガス排出量", "unit": "千t-CO2", "direction": "LOWER",
            "baseYear": 2013, "baseValue": 5.5, "targetYear": 2030, "targetValue": 2.97}],
         "emissionTargets": [{"year": 2030, "reductionPercent": 46, "label": "2030年度 46%%削減（2013年度比）"}]}
        """.formatted(AREA, EAST, EAST, WEST, SOUTH, EAST, WEST, SOUTH, EAST, WEST)).getBytes(StandardCharsets.UTF_8)),
        lead -> true, "test");
  }

  /** A user of the area's secretariat, of its liaison meeting and of a member's secretariat. */
  private static void users(ApplicationContext context) {
    var identity = context.getBean(IdentityService.class);
    user(identity, AREA_USER, GroupNames.secretariat(AREA));
    user(identity, LIAISON_USER, GroupNames.liaison(AREA));
    user(identity, TOWN_USER, GroupNames.secretariat(EAST));
  }

  private static void user(IdentityService identity, String id, String group) {
    var user = identity.newUser(id);
    user.setFirstName("試験");
    user.setLastName(id);
    user.setPassword(Http.PASSWORD);
    identity.saveUser(user);
    identity.createMembership(id, group);
  }

  private static void headquarters(ReviewLog reviews, String town, ReviewOutcome outcome, int n) {
    reviews.record(new ReviewRecord(town, YEAR, null, ReviewLevel.HEADQUARTERS, outcome,
        outcome == ReviewOutcome.RETURN ? "再検討" : null, "report-area-hq-" + town + "-" + n, "honbu", Instant.now()));
  }

  private static void emissions(int port, String town, int year, String rows) {
    emissions(port, town, year, rows, "初回算定");
  }

  private static void emissions(int port, String town, int year, String rows, String reason) {
    var admin = Http.as(port, "demo");
    var upload = admin.post("/api/emissions/" + town + "/" + year + "/activity-data", "text/csv",
        ("部門,小部門,燃料,活動量,単位,出典,ガス\n" + rows).getBytes(StandardCharsets.UTF_8));
    assertThat(upload.status()).as(upload.toString()).isEqualTo(200);
    var calculated = admin.post("/api/emissions/" + town + "/" + year + "/calculations", Map.of("reason", reason));
    assertThat(calculated.status()).as(calculated.toString()).isEqualTo(201);
  }
}

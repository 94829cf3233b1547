package jp.climatepdca.area;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import jp.climatepdca.assessment.AssessmentInput;
import jp.climatepdca.assessment.Progress;
import jp.climatepdca.assessment.SelfAssessmentService;
import jp.climatepdca.emission.AcceptedInventories;
import jp.climatepdca.identity.GroupNames;
import jp.climatepdca.identity.TenantDirectory;
import jp.climatepdca.identity.TenantDirectory.GroupSpec;
import jp.climatepdca.plan.IndicatorDirection;
import jp.climatepdca.plan.PlanImportService;
import jp.climatepdca.review.ReviewLevel;
import jp.climatepdca.review.ReviewLog;
import jp.climatepdca.review.ReviewOutcome;
import jp.climatepdca.review.ReviewRecord;
import jp.climatepdca.testing.Http;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

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
    area(context.getBean(TransactionTemplate.class), context);
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

  private static void area(TransactionTemplate tx, ApplicationContext context) {
    tx.executeWithoutResult(s -> {
      var area = new Area(AREA);
      area.update("報告テスト圏域", EAST, 2021, 2030, 2013, "10-31", "test", Instant.now());
      context.getBean(AreaRepository.class).save(area);
      var members = context.getBean(AreaMemberRepository.class);
      members.save(new AreaMember(AREA, EAST, 0));
      members.save(new AreaMember(AREA, WEST, 1));
      members.save(new AreaMember(AREA, SOUTH, 2));
      var measures = context.getBean(AreaMeasureRepository.class);
      var key = new AreaMeasure(AREA, "AM-01");
      key.update("住宅の省エネ化", "HOUSEHOLD", true, "断熱改修の支援", 0);
      measures.save(key);
      var other = new AreaMeasure(AREA, "AM-02");
      other.update("公共交通の利用促進", "TRANSPORT", false, null, 1);
      measures.save(other);
      var roles = context.getBean(AreaMeasureMemberRepository.class);
      roles.save(new AreaMeasureMember(AREA, "AM-01", new MemberRole(EAST, "IMPLEMENTATION", "M-01"), 0));
      roles.save(new AreaMeasureMember(AREA, "AM-01", new MemberRole(WEST, "IMPLEMENTATION", "M-01"), 1));
      roles.save(new AreaMeasureMember(AREA, "AM-01", new MemberRole(SOUTH, "IMPLEMENTATION", "M-01"), 2));
      roles.save(new AreaMeasureMember(AREA, "AM-02", new MemberRole(EAST, "IMPLEMENTATION", "M-02"), 3));
      roles.save(new AreaMeasureMember(AREA, "AM-02", new MemberRole(WEST, "STUDY", null), 4));
      var indicator = new AreaIndicator(AREA, "AGHG");
      indicator.update(new AreaIndicatorView("AGHG", "圏域の温室効果ガス排出量", "千t-CO2", null, IndicatorDirection.LOWER,
          2013, new BigDecimal("5.5"), 2030, new BigDecimal("2.97")), 0);
      context.getBean(AreaIndicatorRepository.class).save(indicator);
      context.getBean(AreaEmissionTargetRepository.class).save(new AreaEmissionTarget(AREA,
          new AreaEmissionTargetView(2030, new BigDecimal("46"), "2030年度 46%削減（2013年度比）")));
    });
  }

  /** The area's groups, as the area loader makes them, and a user of the area, of its liaison meeting and of a member. */
  private static void users(ApplicationContext context) {
    context.getBean(TenantDirectory.class).ensure(AREA, "報告テスト圏域", List.of(
        new GroupSpec(GroupNames.secretariat(AREA), "圏域事務局", "secretariat"),
        new GroupSpec(GroupNames.liaison(AREA), "連絡会議", "liaison"),
        new GroupSpec(GroupNames.committee(AREA), "意見聴取委員会", "committee")));
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

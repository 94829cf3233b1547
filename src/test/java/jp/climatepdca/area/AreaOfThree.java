package jp.climatepdca.area;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import jp.climatepdca.identity.GroupNames;
import jp.climatepdca.testing.Http;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.ApplicationContext;

/**
 * Area {@code area962} of three towns (961201 the lead, 961202, 961203; one department {@code kankyo} each),
 * for the system tests of the shared context (SecurityMatrixTest, BadInputCatalogueTest, the text limits):
 * loaded once per context by an administrator through POST /api/areas, with the users of AreaTowns and
 * {@code area962-tantou} of its staff meeting. Each test class takes fiscal years of its own.
 */
public final class AreaOfThree {

  public static final String AREA = "area962";
  public static final List<String> MEMBERS = List.of("961201", "961202", "961203");
  public static final String SECRETARIAT = AREA + "-jimukyoku";
  public static final String LIAISON = AREA + "-renraku";
  public static final String COMMITTEE = AREA + "-iinkai";
  public static final String STAFF_MEETING = AREA + "-tantou";

  private final AreaTowns towns;

  private AreaOfThree(AreaTowns towns) {
    this.towns = towns;
  }

  /** The area in this context, loaded when it is not yet. */
  public static synchronized AreaOfThree in(int port, ApplicationContext context) {
    var area = new AreaOfThree(new AreaTowns(port, List.of("kankyo"), context));
    if (!context.getBean(AreaPlanService.class).isArea(AREA)) {
      MEMBERS.forEach(m -> area.towns.town(m, AREA));
      area.towns.area(AREA, "結合試験三町圏域", MEMBERS.get(0), MEMBERS, measures());
      area.towns.user(STAFF_MEETING, GroupNames.staffMeeting(AREA));
    }
    return area;
  }

  private static List<Map<String, Object>> measures() {
    return List.of(AreaTowns.implementedByAll("AM-01", "住宅の省エネルギー化", true, MEMBERS));
  }

  /** The area file as loaded: what its lead's secretariat or an administrator may post again. */
  public static String file() {
    return Http.write(AreaTowns.areaFile(AREA, "結合試験三町圏域", MEMBERS.get(0), MEMBERS, measures()));
  }

  /** /engine-rest of the context's engine (by name when it is not "default"). */
  public String engineRest() {
    return towns.engineRest();
  }

  /**
   * POST /api/area-cycles as the area's secretariat; then the last member's deadline passes (its timer fired
   * now): the secretariat's task 「提出遅延への対応」 of the area, whose id is returned.
   */
  public String startWithLateMember(int fiscalYear) {
    var started = Http.as(towns.port(), SECRETARIAT).post("/api/area-cycles", Map.of("area", AREA, "fiscalYear", fiscalYear));
    assertThat(started.status()).as(started.toString()).isEqualTo(201);
    var instance = started.json().path("processInstanceId").asText();
    var runtime = towns.context().getBean(RuntimeService.class);
    var management = towns.context().getBean(ManagementService.class);
    var timers = Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> management.createJobQuery()
        .processInstanceId(instance).timers().activityId(AreaCycleProcess.EVENT_RESULT_DEADLINE).list(),
        jobs -> jobs.size() == MEMBERS.size());
    var late = MEMBERS.get(MEMBERS.size() - 1);
    management.executeJob(timers.stream()
        .filter(j -> late.equals(runtime.getVariable(j.getExecutionId(), AreaCycleProcess.MEMBER)))
        .findFirst().orElseThrow().getId());
    return towns.as(SECRETARIAT).await(AREA + ":" + fiscalYear, AreaCycleProcess.TASK_HANDLE_LATE_MEMBER);
  }

  /** A staff meeting of the year started by its staff meeting group: the id of its first task (議題と資料の準備). */
  public String staffMeeting(int fiscalYear) {
    var started = Http.as(towns.port(), STAFF_MEETING).post("/api/areas/" + AREA + "/staff-meetings",
        Map.of("fiscalYear", fiscalYear, "title", "第1回 担当者会議"));
    assertThat(started.status()).as(started.toString()).isEqualTo(201);
    return towns.as(STAFF_MEETING).await(started.json().path("businessKey").asText(),
        AreaStaffMeetingProcess.TASK_PREPARE_AGENDA);
  }
}

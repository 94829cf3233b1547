package jp.climatepdca.area;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import jp.climatepdca.evaluation.IndicatorGradeView;
import jp.climatepdca.testing.AppTest;
import jp.climatepdca.testing.Http;
import jp.climatepdca.testing.TasklistClient;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The area secretariat enters the actual values of the area's indicators that are not its compiled GHG totals in
 * its compilation check (docs/area.md): the form offers them (not the tonnes indicator), refuses bad rows with the
 * towns' messages and stores nothing then; another area's or a member's secretariat cannot complete it; a valid
 * completion stores the values, compiles again with them graded, and the published report and indicators.csv
 * show the grades. Area973 of towns 963711 and 963712, fiscal year 2034 (reviewing 2033).
 */
@AppTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AreaIndicatorActualsTest {

  static final String AREA = "area973";
  private static final List<String> MEMBERS = List.of("963711", "963712");
  static final int YEAR = 2034;

  @LocalServerPort
  int port;

  @Autowired
  ApplicationContext context;

  @Autowired
  RuntimeService runtime;

  @Autowired
  ManagementService management;

  @Autowired
  TaskService tasks;

  @Autowired
  AreaCompilationService compilations;

  @Autowired
  AreaReportService reports;

  @Autowired
  JdbcTemplate db;

  private AreaTowns towns;
  private String check;

  @BeforeAll
  void areaAtItsCompilationCheck() {
    towns = new AreaTowns(port, List.of("kankyo"), context);
    check = openCheck(towns, port, AREA, MEMBERS, runtime, management, tasks);
  }

  /**
   * The members, the area with one indicator of each way of entering (and the compiled tonnes one), its cycle
   * started and compiled (Task_CompileArea run through a modification, as the members' hand-in would): the open
   * Task_CheckAreaCompilation's id.
   */
  static String openCheck(AreaTowns towns, int port, String area, List<String> members, RuntimeService runtime,
      ManagementService management, TaskService tasks) {
    members.forEach(m -> towns.town(m, area));
    var file = new LinkedHashMap<String, Object>(AreaTowns.areaFile(area, "指標入力の連携都市圏", members.get(0), members,
        List.of(AreaTowns.implementedByAll("AM-01", "共同の省エネ", true, members))));
    file.put("indicators", List.of(
        Map.of("code", "AGHG", "name", "圏域の排出量", "unit", "千t-CO2", "direction", "LOWER", "baseYear", 2013,
            "baseValue", 6, "targets", List.of(Map.of("year", 2035, "value", 3))),
        Map.of("code", "ALEAST", "name", "共同講座の開催", "unit", "回/年", "measure", "AM-01", "kind", "以上",
            "targets", List.of(Map.of("year", 2035, "value", 2))),
        Map.of("code", "AMAINT", "name", "圏域のみどり率", "unit", "%", "kind", "維持", "direction", "HIGHER",
            "baseYear", 2013, "baseValue", 22.6),
        Map.of("code", "ASTAGE", "name", "共同事業の進捗", "unit", "段階", "measure", "AM-01", "kind", "段階",
            "targets", List.of(Map.of("year", 2032, "stage", "検討中"), Map.of("year", 2036, "stage", "完了")))));
    var loaded = Http.as(port, "demo").post("/api/areas", file);
    assertThat(loaded.status()).as(loaded.toString()).isIn(200, 201);
    towns.user(area + "-jimukyoku", jp.climatepdca.identity.GroupNames.secretariat(area));
    var started = Http.as(port, area + "-jimukyoku").post("/api/area-cycles", Map.of("area", area, "fiscalYear", YEAR));
    assertThat(started.status()).as(started.toString()).isEqualTo(201);
    var instance = started.json().path("processInstanceId").asText();
    // the members' cycles run their start jobs first; then the area compiles as it does once everyone handed in
    Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> management.createJobQuery()
        .processInstanceId(instance).timers().activityId(AreaCycleProcess.EVENT_RESULT_DEADLINE).count() == members.size());
    runtime.createProcessInstanceModification(instance).startBeforeActivity(AreaCycleProcess.TASK_COMPILE_AREA).execute();
    return Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> tasks.createTaskQuery().processInstanceId(instance)
        .taskDefinitionKey(AreaCycleProcess.TASK_CHECK_AREA_COMPILATION).list(), l -> l.size() == 1).get(0).getId();
  }

  @Test
  @Order(1)
  void theFormOffersTheTypedIndicatorsOnly() {
    var form = towns.as(AREA + "-jimukyoku").form(check);
    var numbers = TasklistClient.rows(form.get("indicators"));
    assertThat(numbers).extracting(r -> r.get("indicatorCode")).containsExactly("ALEAST", "AMAINT");
    assertThat(numbers.get(1)).containsEntry("indicatorName", "圏域のみどり率（%）").containsEntry("measureCode", "計画全体")
        .containsEntry("targetLabel", "22.6 を維持（高いほど良い）").containsEntry("previousLabel", "—");
    assertThat(TasklistClient.rows(form.get("stageIndicators"))).singleElement()
        .satisfies(r -> assertThat(r).containsEntry("indicatorCode", "ASTAGE").containsEntry("plannedLabel", "検討中（2032年度〜）"));
    assertThat(form.get("indicatorYear").asText()).isEqualTo("2033");
  }

  @Test
  @Order(2)
  void badRowsAreRefusedWithTheTownsMessagesAndNothingIsStored() {
    var secretariat = towns.as(AREA + "-jimukyoku");
    var form = secretariat.form(check);
    var compiled = compilationCount();
    record Bad(String name, List<Map<String, Object>> numbers, List<Map<String, Object>> stages, String message) {}
    var bad = List.of(
        new Bad("no number", numbers(form, "約3", "講座記録"), stages(form, null), "指標 ALEAST: 実績値は数値で入力してください（約3）"),
        new Bad("no source", numbers(form, 3, ""), stages(form, null), "指標 ALEAST: 実績値の出典を入力してください"),
        new Bad("past the column", numbers(form, "-1e15", "推計"), stages(form, null),
            "指標 ALEAST: 実績値は-99,999,999,999,999.999999以上で指定してください"),
        new Bad("the compiled tonnes indicator", withCode(numbers(form, 3, "講座記録"), "AGHG"), stages(form, null),
            "指標コード \\\"AGHG\\\" はこの圏域の指標ではありません"),
        new Bad("a stage not in the list", numbers(form, null, ""), stages(form, "DONE"),
            "指標 ASTAGE: 段階の値 \\\"DONE\\\" は選択肢にありません"));
    for (var b : bad) {
      var response = secretariat.submit(check, Map.of("agendaSummary", "圏域の点検結果", "indicators", b.numbers(),
          "stageIndicators", b.stages()));
      assertThat(response.status()).as(b.name() + ": " + response).isEqualTo(400);
      assertThat(response.body()).as(b.name()).contains(b.message());
      assertThat(tasks.createTaskQuery().taskId(check).count()).as(b.name()).isEqualTo(1);
      assertThat(db.queryForObject("select count(*) from area_indicator_actual where area_code = ?", Long.class, AREA))
          .as(b.name()).isZero();
      assertThat(compilationCount()).as(b.name()).isEqualTo(compiled);
    }
    // a member's secretariat and another area's cannot complete the area's task
    for (var stranger : List.of(MEMBERS.get(0) + "-jimukyoku", "demo-area-jimukyoku")) {
      var response = towns.as(stranger).submit(check, Map.of("agendaSummary", "x", "indicators", numbers(form, 9, "改ざん"),
          "stageIndicators", stages(form, "COMPLETED")));
      assertThat(response.status()).as(stranger + ": " + response).isIn(403, 404);
    }
    assertThat(db.queryForObject("select count(*) from area_indicator_actual where area_code = ?", Long.class, AREA))
        .isZero();
  }

  @Test
  @Order(3)
  void theValuesAreStoredGradedInANewCompilationAndPublished() {
    var secretariat = towns.as(AREA + "-jimukyoku");
    var form = secretariat.form(check);
    var compiled = compilationCount();
    var numbers = numbers(form, 3, "講座の開催記録");
    numbers.get(1).put("actualValue", new BigDecimal("22.4"));
    numbers.get(1).put("actualSource", "緑被率調査（2033年度）");
    secretariat.complete(check, Map.of("agendaSummary", "圏域の点検結果", "indicators", numbers,
        "stageIndicators", stages(form, "STUDYING")));

    assertStoredAndGraded(db, compilations, AREA, AREA + "-jimukyoku", compiled);
    reports.publish(AREA, YEAR, "test");
    var csv = Http.as(port, "demo").get("/public/areas/" + AREA + "/" + YEAR + "/indicators.csv");
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.body()).contains("2033,\"ALEAST\",\"共同講座の開催\"", "2033,3,\"達成\"", "2033,22.4,\"維持できず\"",
        "\"ASTAGE\"", "\"順調\"", "\"2032年度までの予定 検討中\"");
    var page = Http.as(port, "demo").get("/public/areas/" + AREA + "/" + YEAR);
    assertThat(page.body()).contains("共同講座の開催", "達成", "維持できず", "順調");
  }

  /** Stored for the reviewed year as entered, by the secretariat, and graded in a compilation of their own. */
  static void assertStoredAndGraded(JdbcTemplate db, AreaCompilationService compilations, String area, String user,
      long compiledBefore) {
    var stored = db.queryForList("select indicator_code, actual_value, source, entered_by from area_indicator_actual"
        + " where area_code = ? and value_year = 2033 order by indicator_code", area);
    assertThat(stored).extracting(r -> r.get("indicator_code"), r -> ((BigDecimal) r.get("actual_value")).stripTrailingZeros()
        .toPlainString(), r -> r.get("entered_by")).containsExactly(
            org.assertj.core.groups.Tuple.tuple("ALEAST", "3", user),
            org.assertj.core.groups.Tuple.tuple("AMAINT", "22.4", user),
            org.assertj.core.groups.Tuple.tuple("ASTAGE", "1", user));
    assertThat(db.queryForObject("select count(*) from area_compilation where area_code = ? and fiscal_year = ?",
        Long.class, area, YEAR)).isEqualTo(compiledBefore + 1);
    var graded = compilations.latest(area, YEAR).orElseThrow().indicators().stream()
        .collect(Collectors.toMap(IndicatorGradeView::code, Function.identity()));
    assertThat(graded.get("ALEAST").gradeLabel()).isEqualTo("達成");
    assertThat(graded.get("ALEAST").actualSource()).isEqualTo("講座の開催記録");
    assertThat(graded.get("AMAINT").gradeLabel()).isEqualTo("維持できず");
    assertThat(graded.get("ASTAGE").gradeLabel()).isEqualTo("順調");
    assertThat(graded.get("AGHG").gradeLabel()).isEqualTo("データなし");
  }

  private long compilationCount() {
    return db.queryForObject("select count(*) from area_compilation where area_code = ? and fiscal_year = ?", Long.class,
        AREA, YEAR);
  }

  /** The form's number rows with the first one's value and source set. */
  private static List<Map<String, Object>> numbers(Map<String, com.fasterxml.jackson.databind.JsonNode> form, Object value,
      String source) {
    var rows = new ArrayList<Map<String, Object>>();
    TasklistClient.rows(form.get("indicators")).forEach(r -> rows.add(new LinkedHashMap<>(r)));
    rows.get(0).put("actualValue", value);
    rows.get(0).put("actualSource", source);
    return rows;
  }

  private static List<Map<String, Object>> withCode(List<Map<String, Object>> rows, String code) {
    rows.get(0).put("indicatorCode", code);
    return rows;
  }

  private static List<Map<String, Object>> stages(Map<String, com.fasterxml.jackson.databind.JsonNode> form, String stage) {
    var rows = new ArrayList<Map<String, Object>>();
    TasklistClient.rows(form.get("stageIndicators")).forEach(r -> rows.add(new LinkedHashMap<>(r)));
    rows.get(0).put("stage", stage);
    return rows;
  }
}

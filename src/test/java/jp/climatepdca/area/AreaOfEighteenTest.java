package jp.climatepdca.area;

import static jp.climatepdca.cycle.FiscalYearCycleProcess.TASK_ACTION_DECISIONS;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import jp.climatepdca.testing.AppTest;
import jp.climatepdca.testing.Http;
import jp.climatepdca.testing.TasklistClient;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The seed's case (熊本連携中枢都市圏): an area of 18 members with three departments each through the REST
 * API. Every town's own users complete its year up to headquarters' approval, three towns at a time, so the
 * hand-ins reach the area's multi-instance concurrently; then the area's secretariat, liaison meeting and
 * committee complete the area's year, and every member goes on to its own Action step.
 */
@AppTest
class AreaOfEighteenTest {

  private static final String AREA = "area952";
  private static final List<String> MEMBERS = IntStream.rangeClosed(1, 18)
      .mapToObj(i -> String.format("9521%02d", i)).toList();
  private static final int YEAR = 2035;
  private static final String AREA_CYCLE = AREA + ":" + YEAR;

  @LocalServerPort
  int port;

  @Autowired
  ApplicationContext context;

  @Autowired
  RuntimeService runtime;

  @Autowired
  ManagementService management;

  @Autowired
  JdbcTemplate db;

  @Test
  void eighteenMembersHandInAndTheAreaDecides() throws Exception {
    var towns = new AreaTowns(port, List.of("kankyo", "toshi", "kikaku"), context);
    MEMBERS.forEach(m -> towns.town(m, AREA));
    towns.area(AREA, "十八市町村連携都市圏", MEMBERS.get(0), MEMBERS,
        List.of(AreaTowns.implementedByAll("AM-01", "住宅の省エネルギー化", true, MEMBERS)));

    var began = System.nanoTime();
    var started = Http.as(port, AREA + "-jimukyoku").post("/api/area-cycles", Map.of("area", AREA, "fiscalYear", YEAR));
    assertThat(started.status()).as(started.toString()).isEqualTo(201);
    assertThat(started.json().path("members")).hasSize(18);
    var startMillis = (System.nanoTime() - began) / 1_000_000;

    var pool = Executors.newFixedThreadPool(3);
    try {
      var years = new ArrayList<Future<?>>();
      MEMBERS.forEach(m -> years.add(pool.submit(() -> towns.handsIn(m, YEAR))));
      for (var year : years) {
        year.get(10, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }

    var secretariat = towns.as(AREA + "-jimukyoku");
    var check = secretariat.claim(AREA_CYCLE, AreaCycleProcess.TASK_CHECK_AREA_COMPILATION);
    assertThat(TasklistClient.rows(secretariat.form(check).get("members"))).hasSize(18)
        .allSatisfy(row -> assertThat(row.get("submittedLabel")).isEqualTo("提出済み"));
    secretariat.complete(check, Map.of("agendaSummary", "18市町村の進捗と圏域の排出量"));
    var liaison = towns.as(AREA + "-renraku");
    var meeting = liaison.claim(AREA_CYCLE, AreaCycleProcess.TASK_AREA_LIAISON_MEETING);
    var attendance = TasklistClient.rows(liaison.form(meeting).get("attendance"));
    assertThat(attendance).hasSize(18);
    liaison.complete(meeting, Map.of("attendance", attendance, "minutes", "18市町村の結果を確認した",
        "decisions", "了承し意見聴取委員会へ報告する", "outcome", "ACCEPT"));
    var committee = towns.as(AREA + "-iinkai");
    committee.complete(committee.claim(AREA_CYCLE, AreaCycleProcess.TASK_AREA_COMMITTEE_OPINIONS),
        Map.of("opinions", List.of(), "noOpinions", true));
    secretariat.complete(secretariat.claim(AREA_CYCLE, AreaCycleProcess.TASK_RESPOND_TO_OPINIONS),
        Map.of("responses", List.of()));
    var action = secretariat.claim(AREA_CYCLE, AreaCycleProcess.TASK_AREA_ACTION_DECISIONS);
    var rows = TasklistClient.rows(secretariat.form(action).get("measures"));
    rows.forEach(row -> {
      row.put("decision", "CONTINUE");
      row.put("reason", "18市町村で順調に進捗");
    });
    secretariat.complete(action, Map.of("measures", rows));
    secretariat.complete(secretariat.claim(AREA_CYCLE, AreaCycleProcess.TASK_APPROVE_AREA_REPORT),
        Map.of("approved", true, "approvalNote", ""));

    Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> Http.as(port, AREA + "-jimukyoku")
        .get("/api/area-cycles/" + AREA + "/" + YEAR).json().path("ended").asBoolean());
    for (var m : MEMBERS) {
      towns.as(m + "-jimukyoku").await(m + ":" + YEAR, TASK_ACTION_DECISIONS);
    }
    var seconds = (System.nanoTime() - began) / 1_000_000_000.0;
    System.out.printf("area of 18 members x 3 departments: start %d ms, whole year %.1f s%n", startMillis, seconds);
    assertThat(db.queryForObject("select count(*) from area_cycle_member where area_code = ? and fiscal_year = ?"
        + " and submissions = 1 and decisions_sent_at is not null", Integer.class, AREA, YEAR)).isEqualTo(18);
    assertThat(management.createJobQuery().withException().list()).filteredOn(
        job -> runtime.createProcessInstanceQuery().processInstanceId(job.getProcessInstanceId())
            .processInstanceBusinessKeyLike("9521%").count() > 0
            || job.getProcessInstanceId() != null && runtime.createProcessInstanceQuery()
                .processInstanceId(job.getProcessInstanceId()).processInstanceBusinessKey(AREA_CYCLE).count() > 0)
        .isEmpty();
  }
}

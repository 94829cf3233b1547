package jp.climatepdca.area;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import jp.climatepdca.testing.AppTest;
import jp.climatepdca.testing.Browser;
import jp.climatepdca.testing.Http;
import jp.climatepdca.testing.TasklistPage;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Every form of the area cycle renders in Camunda Tasklist (form-js 1.8) for the area's users, in Japanese,
 * with its lists filled from the JSON variables the listeners load: an area of two members whose deadline
 * has passed (the late-member task), and each later task of the area started beside it in the same
 * instance (the listeners load what each form shows, as in a real year).
 */
@AppTest
class AreaFormsInTasklistTest {

  private static final String AREA = "area948";
  private static final List<String> MEMBERS = List.of("948101", "948102");
  private static final int YEAR = 2035;

  @LocalServerPort
  int port;

  @Autowired
  ApplicationContext context;

  @Autowired
  RuntimeService runtime;

  @Autowired
  ManagementService management;

  private WebDriver browser;

  @AfterEach
  void close() {
    if (browser != null) {
      Browser.keepEvidence(browser, "area-forms-after");
      browser.quit();
    }
  }

  @Test
  void everyAreaFormRendersInTasklist() {
    var towns = new AreaTowns(port, List.of("kankyo"), context);
    MEMBERS.forEach(m -> towns.town(m, AREA));
    towns.area(AREA, "表示確認連携都市圏", MEMBERS.get(0), MEMBERS,
        List.of(AreaTowns.implementedByAll("AM-01", "住宅の省エネルギー化", true, MEMBERS)));
    var started = Http.as(port, AREA + "-jimukyoku").post("/api/area-cycles", Map.of("area", AREA, "fiscalYear", YEAR));
    assertThat(started.status()).as(started.toString()).isEqualTo(201);
    var instance = started.json().path("processInstanceId").asText();

    // the deadline passed for one member: the secretariat's late-member task
    var timer = Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> management.createJobQuery()
        .processInstanceId(instance).timers().activityId(AreaCycleProcess.EVENT_RESULT_DEADLINE).list(),
        jobs -> jobs.size() == 2).get(0);
    management.executeJob(timer.getId());
    var modification = runtime.createProcessInstanceModification(instance);
    for (var task : List.of(AreaCycleProcess.TASK_CHECK_AREA_COMPILATION, AreaCycleProcess.TASK_AREA_LIAISON_MEETING,
        AreaCycleProcess.TASK_AREA_COMMITTEE_OPINIONS, AreaCycleProcess.TASK_RESPOND_TO_OPINIONS,
        AreaCycleProcess.TASK_AREA_ACTION_DECISIONS, AreaCycleProcess.TASK_APPROVE_AREA_REPORT)) {
      modification.startBeforeActivity(task);
    }
    modification.execute();

    browser = Browser.start();
    var tasklist = new TasklistPage(browser, port);
    tasklist.logIn(AREA + "-jimukyoku");
    assertThat(shown(tasklist, "提出遅延への対応（督促または待たずに進行）"))
        .contains("提出遅延への対応（圏域事務局）", "表示確認連携都市圏", "督促する（新しい提出期限を設定）", "提出を待たずに進める");
    assertThat(shown(tasklist, "圏域のとりまとめ結果の確認（事務局）"))
        .contains("構成市町村の提出状況", "町948101", "町948102", "未提出", "連絡会議の議題・要旨");
    assertThat(shown(tasklist, "意見への対応（事務局）")).contains("意見聴取委員会からの意見・助言はありませんでした");
    assertThat(shown(tasklist, "圏域の施策の見直し（継続・修正・廃止）")).contains("共通施策ごとの見直し", "見直し区分");
    // the dynamic list's read-only fields hold the shared measure from the JSON rows
    assertThat(values(tasklist, "施策コード")).containsExactly("AM-01");
    assertThat(values(tasklist, "実施・検討する市町村")).containsExactly("町948101（実施）、町948102（実施）");
    assertThat(shown(tasklist, "圏域の年次報告の承認（事務局）")).contains("内容を確認し、公表を承認します");
    tasklist.logIn(AREA + "-renraku");
    assertThat(shown(tasklist, "連絡会議での全体協議（点検・評価）"))
        .contains("連絡会議での全体協議", "出席", "議事録", "決定事項", "1つの市町村の結果を差し戻す");
    assertThat(values(tasklist, "市町村")).containsExactly("町948101", "町948102");
    tasklist.logIn(AREA + "-iinkai");
    assertThat(shown(tasklist, "意見聴取委員会への報告と意見"))
        .contains("助言を行う機関", "意見・助言", "意見・助言はなかった");
  }

  private static List<String> values(TasklistPage tasklist, String label) {
    return tasklist.fields(label).stream().map(field -> field.getAttribute("value")).toList();
  }

  private static String shown(TasklistPage tasklist, String taskName) {
    tasklist.open(TasklistPage.GROUP_TASKS, taskName);
    tasklist.claimIfOffered();
    return tasklist.formText();
  }
}

package jp.climatepdca.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import jp.climatepdca.cycle.FiscalYearCycleProcess;
import jp.climatepdca.identity.GroupNames;
import jp.climatepdca.plan.PlanImportService;
import jp.climatepdca.testing.CycleFixture;
import jp.climatepdca.testing.AppTest;
import jp.climatepdca.testing.Browser;
import jp.climatepdca.testing.Http;
import jp.climatepdca.testing.TasklistPage;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A key project's stage entered in Tasklist (Chromium, ja-JP): the self-assessment form renders the
 * STAGES list under 重点プロジェクトの進捗段階 with the stage planned for the reviewed year, the officer picks
 * 実施中 from the select, and the stage is stored (2) for the reviewed year 2025 of the FY2026 cycle.
 */
@AppTest
class StageIndicatorInTasklistTest {

  private static final String TOWN = "941911"; // a code no other test of the shared context loads
  private static final int YEAR = 2026;
  private static final String PLAN = """
      {"municipality": {"code": "%s", "name": "りんどう村"},
       "departments": [{"code": "kankyo", "name": "環境課"}],
       "measures": [{"code": "KP-1", "department": "kankyo", "name": "地域新電力の設立", "sector": "分野横断",
                     "kind": "実施事業", "keyProject": true}],
       "indicators": [{"code": "KP-1-S", "name": "地域新電力の設立の段階", "unit": "段階", "measure": "KP-1",
                       "kind": "段階", "targets": [{"year": 2024, "stage": "検討中"}, {"year": 2027, "stage": "完了"}]}]}
      """.formatted(TOWN);

  @LocalServerPort
  int port;

  @Autowired
  PlanImportService importer;

  @Autowired
  IdentityService identity;

  @Autowired
  RuntimeService runtime;

  @Autowired
  ManagementService management;

  @Autowired
  HistoryService history;

  @Autowired
  JdbcTemplate db;

  private WebDriver browser;

  @AfterEach
  void close() {
    if (browser != null) {
      Browser.keepEvidence(browser, "stage-indicator-last");
      browser.quit();
    }
  }

  @Test
  void theStageIsPickedFromTheSelectAndStored() {
    importer.importPlan(new ByteArrayInputStream(PLAN.getBytes(StandardCharsets.UTF_8)));
    person("rd-jimukyoku", GroupNames.secretariat(TOWN));
    person("rd-kankyo-staff", GroupNames.departmentStaff(TOWN, "kankyo"));
    var started = Http.as(port, "rd-jimukyoku").post("/api/cycles", Map.of("municipality", TOWN, "fiscalYear", YEAR));
    assertThat(started.status()).as(started.toString()).isEqualTo(201);
    fireApril();

    browser = Browser.start();
    var tasklist = new TasklistPage(browser, port);
    tasklist.logIn("rd-kankyo-staff");
    var id = tasklist.open(TasklistPage.GROUP_TASKS, "自己点検・自己評価の入力（環境課）");
    tasklist.claimIfOffered();
    assertThat(tasklist.formText()).contains("重点プロジェクトの進捗段階", "今年度の予定段階", "実績の段階")
        .doesNotContain("所管指標の実績値");
    assertThat(tasklist.fields("今年度の予定段階").get(0).getAttribute("value")).isEqualTo("検討中（2024年度〜）");
    tasklist.choose("進捗状況", 0, "順調");
    tasklist.type("取組実績", "設立準備会を開催した");
    tasklist.choose("実績の段階", 0, "実施中");
    tasklist.complete();
    Browser.waiting(browser).withMessage(() -> "entry completed; Tasklist shows: " + tasklist.shownError())
        .until(d -> history.createHistoricTaskInstanceQuery().taskId(id).finished().count() == 1);

    assertThat(db.queryForObject("select actual_value from indicator_actual where municipality_code = ?"
        + " and indicator_code = 'KP-1-S' and value_year = 2025", BigDecimal.class, TOWN)).isEqualByComparingTo("2");
  }

  /** FY2026's April has passed, so the job executor may fire the timer first. */
  private void fireApril() {
    CycleFixture.fire(runtime, management, TOWN + ":" + YEAR, FiscalYearCycleProcess.EVENT_APRIL_CHECK_DATE);
  }

  private void person(String id, String group) {
    var user = identity.newUser(id);
    user.setFirstName(id);
    user.setLastName("りんどう村");
    user.setPassword(Http.PASSWORD);
    identity.saveUser(user);
    identity.createMembership(id, group);
  }
}

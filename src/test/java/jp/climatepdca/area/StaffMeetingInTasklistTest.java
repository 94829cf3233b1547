package jp.climatepdca.area;

import static jp.climatepdca.area.StaffMeetingArea.AREA;
import static jp.climatepdca.area.StaffMeetingArea.SECRETARIAT_USER;
import static jp.climatepdca.area.StaffMeetingArea.STAFF_MEETING_USER;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import jp.climatepdca.identity.TenantDirectory;
import jp.climatepdca.plan.PlanImportService;
import jp.climatepdca.testing.AppTest;
import jp.climatepdca.testing.Browser;
import jp.climatepdca.testing.Http;
import jp.climatepdca.testing.TasklistPage;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The four staff meeting forms in Camunda Tasklist, in a real (headless, Japanese) Chromium: each renders in
 * Japanese with what its listener loaded, and completes with what a person fills in by hand (date fields, check
 * boxes in the attendance list, the members' checklist fed from a JSON variable, the radio that shows the
 * dissolution's fields), ending with the records the annual report reads.
 */
@AppTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffMeetingInTasklistTest {

  private static final int YEAR = 2025;

  @LocalServerPort
  int port;

  @Autowired
  RuntimeService runtime;

  @Autowired
  HistoryService history;

  @Autowired
  AreaStaffMeetingService service;

  private WebDriver browser;
  private TasklistPage tasklist;

  @BeforeAll
  void area(@Autowired PlanImportService plans, @Autowired AreaRepository areas, @Autowired AreaMemberRepository members,
      @Autowired TenantDirectory tenants, @Autowired IdentityService identity, @Autowired TransactionTemplate tx) {
    StaffMeetingArea.ensure(plans, areas, members, tenants, identity, tx);
  }

  @AfterEach
  void close() {
    if (browser != null) {
      Browser.keepEvidence(browser, "staff-meeting-after");
      browser.quit();
    }
  }

  @Test
  void theAreaStaffPrepareRecordAndCloseAMeetingWithItsWorkingGroupInTasklist() {
    var started = Http.as(port, STAFF_MEETING_USER).post("/api/areas/" + AREA + "/staff-meetings",
        Map.of("fiscalYear", YEAR, "title", "ブラウザでの担当者会議"));
    assertThat(started.status()).as(started.toString()).isEqualTo(201);
    var key = started.json().path("businessKey").asText();
    browser = Browser.start();
    tasklist = new TasklistPage(browser, port);

    tasklist.logIn(STAFF_MEETING_USER);
    var agenda = tasklist.open(TasklistPage.GROUP_TASKS, "議題と資料の準備");
    tasklist.claimIfOffered();
    assertThat(tasklist.formText()).contains("担当者会議試験圏域", YEAR + "年度 第1回 担当者会議「ブラウザでの担当者会議」");
    day("開催予定日", "2025-07-15");
    tasklist.type("開催場所・形式", "会議町7101 役場 大会議室");
    tasklist.type("議題", 0, "連絡会議に向けた点検結果の共有");
    tasklist.type("資料（資料名・保存場所）", "資料1 点検結果一覧（共有フォルダ）");
    Browser.keepEvidence(browser, "staff-meeting-agenda");
    tasklist.complete();
    finished(agenda);

    tasklist.logIn(SECRETARIAT_USER);
    var record = tasklist.open(TasklistPage.GROUP_TASKS, "会議の開催と記録");
    tasklist.claimIfOffered();
    assertThat(tasklist.formText()).contains("連絡会議に向けた点検結果の共有", "資料1 点検結果一覧");
    assertThat(tasklist.fields("市町村")).extracting(f -> f.getAttribute("value"))
        .containsExactly("会議町7101", "会議町7102", "会議町7103");
    assertThat(tasklist.dueDateText()).contains("2025");
    check("出席", 0);
    tasklist.type("出席者（所属・氏名）", 0, "環境課 山田");
    check("出席", 2);
    tasklist.type("議事録（主な協議内容）", "点検結果を共有し、共同調達の検討を始めることにした。");
    tasklist.type("決定事項", "共同調達のワーキンググループを設置する");
    check("テーマ別ワーキンググループを設置する", 0);
    Browser.keepEvidence(browser, "staff-meeting-record");
    tasklist.complete();
    finished(record);

    var setUp = tasklist.open(TasklistPage.GROUP_TASKS, "テーマ別ワーキンググループの設置");
    tasklist.claimIfOffered();
    tasklist.type("テーマ", "公用車の電動化の共同検討");
    check("会議町7101", 0);
    check("会議町7103", 0);
    day("解散予定日", "2026-03-31");
    Browser.keepEvidence(browser, "staff-meeting-setup");
    tasklist.complete();
    finished(setUp);

    var dissolution = tasklist.open(TasklistPage.GROUP_TASKS, "ワーキンググループの活動報告と解散");
    tasklist.claimIfOffered();
    assertThat(tasklist.formText()).contains("公用車の電動化の共同検討", "会議町7101、会議町7103", "2026-03-31");
    tasklist.pick("報告の内容", "活動を報告して解散する");
    tasklist.type("活動報告（成果・課題・引き継ぎ事項）", "導入計画の共通様式を作成した。");
    day("解散日", "2026-03-20");
    Browser.keepEvidence(browser, "staff-meeting-dissolution");
    tasklist.complete();
    finished(dissolution);

    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).count()).isZero();
    var records = service.records(AREA, YEAR);
    assertThat(records.meetings()).singleElement().satisfies(m -> {
      assertThat(m.plannedOn()).isEqualTo(LocalDate.of(2025, 7, 15));
      assertThat(m.heldOn()).isEqualTo(LocalDate.of(2025, 7, 15));
      assertThat(m.attended()).isEqualTo(2);
      assertThat(m.decisions()).containsExactly("共同調達のワーキンググループを設置する");
    });
    assertThat(records.workingGroups()).singleElement().satisfies(g -> {
      assertThat(g.members()).extracting(StaffMeetingRecords.Member::municipality).containsExactly("947101", "947103");
      assertThat(g.dissolvedOn()).isEqualTo(LocalDate.of(2026, 3, 20));
      assertThat(g.state()).isEqualTo(WorkingGroupState.DISSOLVED);
    });
  }

  private void finished(String taskId) {
    Browser.waiting(browser).withTimeout(Duration.ofSeconds(30)).until(d -> {
      if (!tasklist.shownError().isEmpty()) {
        throw new AssertionError("Tasklist shows: " + tasklist.shownError());
      }
      return history.createHistoricTaskInstanceQuery().taskId(taskId).finished().count() == 1;
    });
  }

  /** form-js 1.8's date field: typed as the picker shows days (MM/DD/YYYY), then left. */
  private void day(String label, String isoDay) {
    var input = browser.findElement(By.xpath("//div[contains(@class, 'fjs-form-field-datetime')][.//label[contains(., '"
        + label + "')]]//input"));
    tasklist.click(input);
    input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
    var day = LocalDate.parse(isoDay);
    input.sendKeys("%02d/%02d/%d".formatted(day.getMonthValue(), day.getDayOfMonth(), day.getYear()));
    input.sendKeys(Keys.ENTER);
    Browser.pause(Duration.ofMillis(600));
  }

  /** The n-th check box (a list's row, or one option of a checklist) whose label holds the text. */
  private void check(String label, int index) {
    var boxes = browser.findElements(By.xpath("//label[contains(., '" + label + "')]/ancestor-or-self::*"
        + "[.//input[@type='checkbox']][1]//input[@type='checkbox']"));
    assertThat(boxes).as("check boxes labelled " + label).hasSizeGreaterThan(index);
    WebElement box = boxes.get(index);
    if (!box.isSelected()) {
      tasklist.click(box);
    }
    Browser.pause(Duration.ofMillis(400));
  }
}

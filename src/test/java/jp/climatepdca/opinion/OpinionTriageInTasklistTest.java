package jp.climatepdca.opinion;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import jp.climatepdca.cycle.FiscalYearCycleProcess;
import jp.climatepdca.plan.PlanImportService;
import jp.climatepdca.testing.AppTest;
import jp.climatepdca.testing.Browser;
import jp.climatepdca.testing.TasklistPage;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The secretariat triages citizens' opinions in Tasklist (Chromium, ja-JP): the form lists each opinion with its
 * reference, kind and measure, never the sender; a rejection without a reason comes back from the server in
 * Japanese under the form, naming the opinion, and nothing is stored; then 採用 with a response, 統合 into it
 * (chosen in the form's dropdown) and 不採用 with a reason are stored through Tasklist's submit-form. The
 * committee then reads the accepted one in its own form and completes its review.
 */
@AppTest
class OpinionTriageInTasklistTest {

  private static final String TOWN = "963203";
  private static final int YEAR = 2033;
  private static final String TASK_NAME = "市民・事業者意見の整理（事務局）";

  @LocalServerPort
  int port;

  @Autowired
  PublicOpinionRepository opinions;

  @Autowired
  RuntimeService runtime;

  @Autowired
  IdentityService identity;

  @Autowired
  PlanImportService plans;

  @Autowired
  HistoryService history;

  @Autowired
  JdbcTemplate db;

  private WebDriver browser;

  @AfterEach
  void close() {
    if (browser != null) {
      Browser.keepEvidence(browser, "opinion-triage-last");
      browser.quit();
    }
  }

  private OpinionTowns towns;

  @Test
  void theSecretariatAcceptsMergesAndRejectsInTasklist() {
    towns = new OpinionTowns(plans, identity, runtime, db, opinions);
    towns.town(TOWN);
    var accepted = "再生可能エネルギーの導入補助を集合住宅にも広げてほしい。";
    towns.opinion(TOWN, YEAR, "O-2033-0001", SenderKind.CITIZEN, "M-01", accepted);
    towns.opinion(TOWN, YEAR, "O-2033-0002", SenderKind.BUSINESS, "M-01", "集合住宅向けの補助があれば管理組合に案内したい。");
    towns.opinion(TOWN, YEAR, "O-2033-0003", SenderKind.ORGANISATION, null, "本計画とは関係のない催しの案内です。");
    towns.cycleAt(TOWN + ":" + YEAR, TOWN, YEAR, FiscalYearCycleProcess.TASK_OPINION_TRIAGE);

    browser = Browser.start();
    var page = new TasklistPage(browser, port);
    page.logIn(TOWN + "-jimukyoku");
    var task = page.open(TasklistPage.GROUP_TASKS, TASK_NAME);
    page.claimIfOffered();
    assertThat(page.formText()).contains("受け付けた意見は3件です。", "整理の結果", "統合（統合先を選択）");
    assertThat(page.fields("受付番号")).extracting(f -> f.getAttribute("value"))
        .containsExactly("O-2033-0001", "O-2033-0002", "O-2033-0003");
    assertThat(page.fields("対象の施策")).extracting(f -> f.getAttribute("value"))
        .containsExactly("M-01 住宅の省エネ支援", "M-01 住宅の省エネ支援", "計画全体");
    assertThat(browser.getPageSource()).doesNotContain(OpinionTowns.NAME, OpinionTowns.CONTACT);

    page.pick("整理の結果", 0, "採用");
    page.type("回答・対応方針", 0, "来年度から集合住宅も補助の対象とします。");
    page.pick("整理の結果", 1, "統合（統合先を選択）");
    page.choose("統合先の意見", 1, "O-2033-0001（この一覧）" + accepted);
    page.type("理由（統合・不採用", 1, "集合住宅への補助という同じ趣旨の意見のため");
    page.pick("整理の結果", 2, "不採用");
    page.complete();
    // the server's answer under the form (slow on a loaded machine)
    var refused = Browser.waiting(browser).withTimeout(Duration.ofSeconds(120))
        .until(d -> d.findElements(By.cssSelector(".alert-danger")).stream().filter(WebElement::isDisplayed)
            .map(WebElement::getText).filter(t -> t.contains("入力内容を確認してください")).findFirst().orElse(null));
    Browser.keepEvidence(browser, "opinion-triage-refused");
    assertThat(refused).contains("O-2033-0003: 不採用の理由を入力してください");
    assertThat(towns.statuses(TOWN, YEAR)).allMatch(s -> s.endsWith(":RECEIVED"));

    page.type("理由（統合・不採用", 2, "計画の進捗に関する意見ではないため");
    page.complete();
    Browser.waiting(browser).withTimeout(Duration.ofSeconds(120))
        .withMessage(() -> "triaged; Tasklist shows: " + page.shownError())
        .until(d -> history.createHistoricTaskInstanceQuery().taskId(task).finished().count() == 1);
    assertThat(towns.statuses(TOWN, YEAR)).isEqualTo(List.of("O-2033-0001:ACCEPTED", "O-2033-0002:MERGED",
        "O-2033-0003:REJECTED"));
    var rows = opinions.findByMunicipalityCodeAndFiscalYearOrderByIdAsc(TOWN, YEAR);
    assertThat(rows.get(0).response()).isEqualTo("来年度から集合住宅も補助の対象とします。");
    assertThat(rows.get(1).mergedIntoId()).isEqualTo(rows.get(0).id());
    assertThat(rows.get(2).triageReason()).isEqualTo("計画の進捗に関する意見ではないため");

    theCommitteeReadsTheAcceptedOneAndCompletesItsReview(page, accepted);
  }

  /**
   * The committee's form shows what the secretariat accepted as form-js renders it (a read-only table bound to
   * a JSON variable): the accepted opinion with the one merged into it and the city's response, not the
   * rejected one; the committee then completes its review through submit-form as always.
   */
  private void theCommitteeReadsTheAcceptedOneAndCompletesItsReview(TasklistPage page, String accepted) {
    // the year's cycle again, now at the committee (its own business key, so the review goes on to Action)
    runtime.createProcessInstanceQuery().processInstanceBusinessKey(TOWN + ":" + YEAR).list()
        .forEach(cycle -> runtime.deleteProcessInstance(cycle.getId(), "test: on to the committee"));
    towns.cycleAt(TOWN + ":" + YEAR, TOWN, YEAR, FiscalYearCycleProcess.TASK_COMMITTEE_REVIEW);
    page.logIn(TOWN + "-iinkai");
    var review = page.open(TasklistPage.GROUP_TASKS, "点検評価と意見（推進委員会）");
    page.claimIfOffered();
    assertThat(page.formText()).contains("市民・事業者からの意見（事務局が採用したもの）", "事務局が採用した意見は1件です",
        "同じ趣旨として統合した意見1件");
    var cells = Browser.waiting(browser).until(d -> {
      var found = d.findElements(By.xpath("//table[.//td[normalize-space()='O-2033-0001']]//td")).stream()
          .map(WebElement::getText).map(String::strip).toList();
      return found.isEmpty() ? null : found;
    });
    assertThat(cells).contains("O-2033-0001", "市民", "M-01 住宅の省エネ支援", "1件", "来年度から集合住宅も補助の対象とします。");
    assertThat(String.join(" ", cells)).contains(accepted);
    assertThat(page.formText()).doesNotContain("O-2033-0003", "本計画とは関係のない催しの案内です。");
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()",
        browser.findElement(By.xpath("//table[.//td[normalize-space()='O-2033-0001']]")));
    Browser.keepEvidence(browser, "opinion-triage-committee");

    page.addRow("委員会からの意見・助言");
    page.type("意見・助言", 0, "集合住宅への補助の拡大を評価します。管理組合への周知も進めてください。");
    page.pick("委員会としての結論", "評価を了承する");
    page.complete();
    Browser.waiting(browser).withTimeout(Duration.ofSeconds(120))
        .withMessage(() -> "committee review completed; Tasklist shows: " + page.shownError())
        .until(d -> history.createHistoricTaskInstanceQuery().taskId(review).finished().count() == 1);
  }
}

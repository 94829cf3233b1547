package jp.climatepdca.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import jp.climatepdca.testing.AppTest;
import jp.climatepdca.testing.Browser;
import jp.climatepdca.testing.TasklistPage;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 年次報告書の作成 in Tasklist, in a Japanese browser, as the secretariat of a town with seed 004's order
 * (963803): the form lists the 環境審議会's opinions on last year's report, heard after it was published, with a
 * 対応方針 field each (required); Tasklist completes it once both are written, and the server keeps them. (A
 * response left out, through both of Camunda's doors: PriorOpinionResponsesTest.) Screenshots go to
 * target/browser/.
 */
@AppTest
class PriorOpinionsInTasklistTest {

  static final String TOWN = "963803";

  @LocalServerPort
  int port;

  @Autowired
  ApplicationContext context;

  @Autowired
  HistoryService history;

  @Autowired
  JdbcTemplate db;

  private WebDriver browser;

  @AfterEach
  void close() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void theSecretariatWritesAResponseToEachOfLastYearsOpinions() throws IOException {
    KawasakiTown.ensure(context, TOWN);
    KawasakiTown.publication(context, TOWN, PriorOpinionResponsesTest.YEAR);

    browser = Browser.start();
    var page = new TasklistPage(browser, port);
    page.logIn(TOWN + "-jimukyoku");
    var task = page.open(TasklistPage.GROUP_TASKS, "年次報告書の作成（事務局）");
    page.claimIfOffered();
    page.formShown();
    assertThat(page.formText()).contains("前年度の年次報告書に対する委員会の意見（公表後に聴取）への対応方針",
        "2027年度の年次報告書に対する環境審議会の意見（公表後に聴取したもの）", "推進委員会からの意見はありません。");
    // the opinions are read-only fields of the list, one row each
    assertThat(page.fields("意見")).extracting(f -> f.getAttribute("value"))
        .containsExactly(KawasakiTown.ON_THE_PLAN, KawasakiTown.ON_KW02);
    assertThat(page.fields("対象施策")).extracting(f -> f.getAttribute("value")).containsExactly("全体", "KW-02");
    page.type("年次報告書の概要", "2028年度の取組は概ね順調に進捗しました。");
    page.type("対応方針", 0, PriorOpinionResponsesTest.ANSWER_PLAN);
    page.type("対応方針", 1, PriorOpinionResponsesTest.ANSWER_KW02);
    Browser.keepEvidence(browser, "prior-opinions-answered");
    page.complete();
    Browser.waiting(browser).withTimeout(java.time.Duration.ofSeconds(60))
        .withMessage(() -> "completed; Tasklist shows: " + page.shownError())
        .until(d -> history.createHistoricTaskInstanceQuery().taskId(task).finished().count() == 1);
    assertThat(db.queryForList("select response from prior_opinion_response where municipality_code = ?"
        + " order by opinion_id", String.class, TOWN))
        .containsExactly(PriorOpinionResponsesTest.ANSWER_PLAN, PriorOpinionResponsesTest.ANSWER_KW02);
  }
}

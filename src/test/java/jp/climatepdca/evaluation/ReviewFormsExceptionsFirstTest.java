package jp.climatepdca.evaluation;

import static jp.climatepdca.cycle.FiscalYearCycleProcess.TASK_COMMITTEE_REVIEW;
import static jp.climatepdca.cycle.FiscalYearCycleProcess.TASK_COMPILE_CHECK;
import static jp.climatepdca.cycle.FiscalYearCycleProcess.TASK_HEADQUARTERS_EVALUATION;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import jp.climatepdca.testing.AppTest;
import jp.climatepdca.testing.LargePlan;
import jp.climatepdca.testing.TasklistClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The compile, headquarters and committee forms list every measure with its progress, achievement, grade and
 * comment, grouped by department, exceptions first (issue #20 "Review forms that scale"). Six departments of
 * ten measures ({@link ReviewFormsFixture}): d03-M03 遅れ, d04-M04's indicator 遅れ, d05-M07 未着手, d06-M03
 * 遅れ; d01 and d02 have no exception. Worked by hand: departments d03, d04, d05, d06, then d01, d02; inside
 * d03 its M03 first, then M01, M02, M04 … in code order.
 */
@AppTest
class ReviewFormsExceptionsFirstTest {

  private static final LargePlan TOWN = new LargePlan("963301", "点検町", 6, 10, false);

  @LocalServerPort
  int port;

  @Autowired
  ApplicationContext context;

  @Test
  void everyMeasureWithItsGradeGroupedByDepartmentExceptionsFirstOnTheThreeForms() {
    var fixture = new ReviewFormsFixture(port, TOWN, context);
    fixture.toCompileCheck();
    var secretariat = new TasklistClient(port, fixture.user("jimukyoku"));
    var check = secretariat.claim(fixture.cycle(), TASK_COMPILE_CHECK);
    assertExceptionsFirst(secretariat.form(check));
    secretariat.complete(check, Map.of("summary", "遅れている施策がある。"));

    var headquarters = new TasklistClient(port, fixture.user("honbu"));
    var hq = headquarters.claim(fixture.cycle(), TASK_HEADQUARTERS_EVALUATION);
    assertExceptionsFirst(headquarters.form(hq));
    // what the form shows is the server's: a list sent back is kept on the finished task and read by nobody
    headquarters.complete(hq, Map.of("decision", "APPROVE", "comment", "", "evaluation", "概ね順調と評価する。",
        "measureReview", List.of(Map.of("departmentName", "改ざん", "measureCode", "X-01")),
        "exceptionMeasures", List.of()));

    var committee = new TasklistClient(port, fixture.user("iinkai"));
    var review = committee.claim(fixture.cycle(), TASK_COMMITTEE_REVIEW);
    assertExceptionsFirst(committee.form(review));
  }

  private static void assertExceptionsFirst(Map<String, JsonNode> form) {
    var all = TasklistClient.rows(form.get(MeasureReviewTable.ALL));
    assertThat(all).as("every measure of the year").hasSize(60);
    assertThat(all.stream().map(r -> ((String) r.get("measureCode")).substring(0, 3)).distinct().toList())
        .as("departments with exceptions first, each in plan order, every department's measures together")
        .containsExactly("d03", "d04", "d05", "d06", "d01", "d02");
    assertThat(all.subList(0, 10)).extracting(r -> r.get("measureCode")).containsExactly("d03-M03", "d03-M01",
        "d03-M02", "d03-M04", "d03-M05", "d03-M06", "d03-M07", "d03-M08", "d03-M09", "d03-M10");
    assertThat(all.get(0)).containsEntry("departmentName", "第03部 第一課").containsEntry("measure",
        "d03-M03 d03 の施策3（省エネルギー設備の導入支援）").containsEntry("progress", "遅れ").containsEntry("grade", "指標なし")
        .containsEntry("achievement", "—").containsEntry("attention", "進捗が「遅れ」")
        .containsEntry("comment", "予算の制約で着手が遅れた　今後：来年度に前倒しで実施する");
    var behind = row(all, "d04-M04");
    assertThat(all.indexOf(behind)).as("d04's exception before its other measures").isEqualTo(10);
    assertThat(behind).containsEntry("progress", "順調").containsEntry("grade", "遅れ")
        .containsEntry("achievement", "実績 120件（目標経路 150）進捗率 20.0%")
        .containsEntry("attention", "指標が「遅れ」");
    assertThat(row(all, "d01-M10")).containsEntry("grade", "達成").containsEntry("attention", "")
        .containsEntry("achievement", "実績 200件（2030年度の目標 200）進捗率 100.0%")
        .containsEntry("comment", "");
    assertThat(row(all, "d01-M02")).containsEntry("grade", "順調");
    assertThat(row(all, "d01-M01")).containsEntry("progress", "完了");

    var exceptions = TasklistClient.rows(form.get(MeasureReviewTable.EXCEPTIONS));
    assertThat(exceptions).extracting(r -> r.get("measureCode"))
        .containsExactly("d03-M03", "d04-M04", "d05-M07", "d06-M03");
    assertThat(exceptions.get(2)).containsEntry("progress", "未着手").containsEntry("attention", "進捗が「未着手」");
    assertThat(form.get(MeasureReviewTable.SUMMARY).asText())
        .isEqualTo("全60施策（6部署）のうち、要確認の施策は4件（4部署）です。");
    var departments = TasklistClient.rows(form.get(MeasureReviewTable.DEPARTMENTS));
    assertThat(departments).extracting(r -> r.get("departmentName")).containsExactly("第03部 第一課", "第04部 第一課",
        "第05部 第一課", "第06部 第一課", "第01部 第一課", "第02部 第一課");
    assertThat(departments.get(0)).containsEntry("measures", 10).containsEntry("delayed", 1)
        .containsEntry("completed", 1).containsEntry("exceptions", 1);
  }

  private static Map<String, Object> row(List<Map<String, Object>> rows, String measureCode) {
    return rows.stream().filter(r -> measureCode.equals(r.get("measureCode"))).findFirst()
        .orElseThrow(() -> new AssertionError(measureCode + " not in "
        + rows.stream().map(r -> r.get("measureCode")).toList()));
  }
}

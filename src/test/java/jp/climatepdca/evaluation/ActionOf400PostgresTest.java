package jp.climatepdca.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import jp.climatepdca.plan.PlanService;
import jp.climatepdca.testing.AppTest;
import jp.climatepdca.testing.Http;
import jp.climatepdca.testing.LargePlan;
import jp.climatepdca.testing.LocalPostgres;
import jp.climatepdca.testing.LocalPostgresExtension;
import jp.climatepdca.testing.TasklistClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The Action step of a city with 400 measures completed on a real PostgreSQL through /engine-rest's
 * submit-form, as Tasklist sends it: five exceptions, 395 measures continuing by default, 400 decision rows
 * and next year's plan in the task's one transaction. The completion's time is printed (docs/performance.md,
 * "The Action step of 400 measures"); it is measured once, not asserted: the shared machine's speed varies
 * by half from hour to hour.
 */
@AppTest
@DirtiesContext // the engine must stop before the database does (see LocalPostgresExtension)
class ActionOf400PostgresTest {

  private static final String CITY = "963406";
  private static final int YEAR = 2073;

  @RegisterExtension
  static final LocalPostgresExtension postgres = new LocalPostgresExtension(
      new LocalPostgres.Spec("action400", "action400", "action400-secret"));

  @DynamicPropertySource
  static void postgresInsteadOfH2(DynamicPropertyRegistry registry) {
    postgres.datasource(registry);
  }

  @LocalServerPort
  int port;

  @Autowired
  ApplicationContext context;

  @Autowired
  EvaluationService evaluations;

  @Test
  void fourHundredDecisionsInOneCompletion() {
    ActionStep.town(context, CITY, new LargePlan(CITY, "市" + CITY, 40, 10, false).json());
    var created = System.nanoTime();
    var action = ActionStep.reach(context, port, CITY, YEAR);
    var reached = (System.nanoTime() - created) / 1_000_000;
    var client = new TasklistClient(port, CITY + "-jimukyoku", "/engine-rest");
    var claim = Http.as(port, CITY + "-jimukyoku").post("/engine-rest/task/" + action + "/claim",
        Map.of("userId", CITY + "-jimukyoku"));
    assertThat(claim.status()).as(claim.toString()).isEqualTo(204);
    var read = System.nanoTime();
    var form = client.form(action);
    var readMs = (System.nanoTime() - read) / 1_000_000;
    assertThat(TasklistClient.rows(form.get("measures"))).hasSize(400);

    var exceptions = List.<Object>of(
        Map.of("measureCode", "d03-M02", "decision", "MODIFY", "note", "補助対象を事業者に広げる"),
        Map.of("measureCode", "d01-M01", "decision", "DISCARD", "note", "国の制度に統合された"),
        Map.of("measureCode", "d01-M04", "decision", "PROMOTE", "note", "来年度から実施する"),
        Map.of("measureCode", "d20-M07", "decision", "MODIFY", "note", "対象地域を広げる"),
        Map.of("measureCode", "d40-M10", "decision", "DISCARD", "note", "目的を達成した"));
    var start = System.nanoTime();
    var done = client.submit(action, Map.of("exceptions", exceptions, "filterDepartment", "ALL", "filterGrade", "ALL"));
    var completeMs = (System.nanoTime() - start) / 1_000_000;
    assertThat(done.status()).as(done.toString()).isEqualTo(204);
    System.out.printf("action-400 on PostgreSQL: task created with its form variables (start through the Action"
        + " step) %d ms, form-variables read %d ms, submit-form of 5 exceptions + 395 defaults %d ms%n",
        reached, readMs, completeMs);

    var decided = evaluations.decisions(CITY, YEAR);
    assertThat(decided).hasSize(400);
    assertThat(decided).filteredOn(d -> d.decision() == ActionDecision.CONTINUE).hasSize(395)
        .allMatch(d -> ActionDecisionRows.DEFAULT_NOTE.equals(d.note()));
    assertThat(context.getBean(PlanService.class).activeMeasures(CITY)).hasSize(398);
  }
}

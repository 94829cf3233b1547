package jp.climatepdca.system;

import static jp.climatepdca.assessment.DepartmentSelfAssessmentProcess.TASK_ENTER;
import static jp.climatepdca.assessment.DepartmentSelfAssessmentProcess.TASK_HEAD_APPROVAL;
import static jp.climatepdca.assessment.DepartmentSelfAssessmentProcess.TASK_SECRETARIAT_REVIEW;
import static jp.climatepdca.cycle.FiscalYearCycleProcess.EVENT_JULY_CALCULATION_DATE;
import static jp.climatepdca.cycle.FiscalYearCycleProcess.TASK_ENTER_ACTIVITY_DATA;
import static jp.climatepdca.cycle.FiscalYearCycleProcess.TASK_VERIFY_EMISSIONS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.climatepdca.testing.AppTest;
import jp.climatepdca.testing.CycleFixture;
import jp.climatepdca.testing.Http;
import jp.climatepdca.testing.SecretariatEmissions;
import jp.climatepdca.testing.TasklistClient;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Camunda's documented {@code POST /engine-rest/task/{id}/complete} with the form's variables is honoured
 * exactly like {@code submit-form} (issue #17): the same work done once through each door, in two fiscal
 * years, stores the same (self-assessment, its head's return and approval, the secretariat's review, the
 * secretariat's activity data and its verification) and gets the same answers to the same mistakes
 * (400 with the Japanese message for bad input and a stray field, 403 for another department).
 */
@AppTest
class CompleteEqualsSubmitFormTest {

  private static final String CITY = CycleFixture.CITY;
  private static final String SUBMIT_FORM = "submit-form";
  private static final String COMPLETE = "complete";

  @LocalServerPort
  int port;

  @Autowired
  RuntimeService runtime;

  @Autowired
  TaskService tasks;

  @Autowired
  ManagementService management;

  @Autowired
  JdbcTemplate db;

  @Test
  void bothDoorsStoreTheSameAndAnswerTheSame() {
    var bySubmitForm = year(2056, SUBMIT_FORM);
    var byComplete = year(2057, COMPLETE);
    assertThat(bySubmitForm.get("selfAssessment")).asList().isNotEmpty();
    assertThat(bySubmitForm.get("reviews")).asList().hasSize(3);
    assertThat(byComplete).isEqualTo(bySubmitForm);
  }

  /** One year's work through one door; what was stored and answered, without the year and the ids. */
  private Map<String, Object> year(int year, String door) {
    CycleFixture.startNow(port, runtime, management, year);
    var key = CITY + ":" + year + ":env";
    var staff = new TasklistClient(port, "env-staff");
    var head = new TasklistClient(port, "env-head");
    var secretariat = new TasklistClient(port, "jimukyoku");
    var answers = new ArrayList<String>();

    var entry = staff.claim(key, TASK_ENTER);
    var rows = TasklistClient.rows(staff.form(entry).get("measures"));
    answers.add(answer(staff.submit(entry, Map.of("measures", rows), door)));
    answers.add(answer(staff.submit(entry, Map.of("departmentCode", "waste"), door)));
    answers.add(answer(new TasklistClient(port, "waste-staff").submit(entry, Map.of("departmentCode", "waste"), door)));
    rows.forEach(row -> {
      row.put("progress", "MOSTLY_ON_TRACK");
      row.put("achievements", row.get("measureName") + "を実施した");
    });
    done(staff.submit(entry, Map.of("measures", rows), door));

    var returned = head.claim(key, TASK_HEAD_APPROVAL);
    answers.add(answer(head.submit(returned, Map.of("decision", "RETURN", "comment", ""), door)));
    done(head.submit(returned, Map.of("decision", "RETURN", "comment", "課題欄を書いてください"), door));
    var again = staff.claim(key, TASK_ENTER);
    var resubmitted = TasklistClient.rows(staff.form(again).get("measures"));
    resubmitted.forEach(row -> row.put("issues", "予算の確保"));
    done(staff.submit(again, Map.of("measures", resubmitted), door));
    done(head.submit(head.claim(key, TASK_HEAD_APPROVAL), Map.of("decision", "APPROVE", "comment", "了承"), door));

    // the secretariat's review, asking for the process's variables in the answer as a client may
    var review = secretariat.claim(key, TASK_SECRETARIAT_REVIEW);
    var accepted = Http.as(port, "jimukyoku").post("/engine-rest/task/" + review + "/" + door, Map.of(
        "variables", Map.of("decision", text("APPROVE"), "comment", text("確認しました")),
        "withVariablesInReturn", true));
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
    var returnedVariables = new LinkedHashMap<String, Object>();
    accepted.json().fields().forEachRemaining(e -> returnedVariables.put(e.getKey(),
        e.getKey().endsWith("Year") ? "year" : e.getValue().path("value").asText()));

    // the secretariat's own task of the July branch, and its verification
    var cycle = runtime.createProcessInstanceQuery().processInstanceBusinessKey(CITY + ":" + year).singleResult();
    management.executeJob(management.createJobQuery().processInstanceId(cycle.getId()).timers()
        .activityId(EVENT_JULY_CALCULATION_DATE).singleResult().getId());
    var data = secretariat.claim(CITY + ":" + year, TASK_ENTER_ACTIVITY_DATA);
    answers.add(answer(secretariat.submit(data, Map.of("csv", "部門\n", "reason", "初回算定"), door)));
    done(secretariat.submit(data, Map.of("csv", SecretariatEmissions.CSV, "reason", "初回算定"), door));
    var verification = secretariat.claim(CITY + ":" + year, TASK_VERIFY_EMISSIONS);
    done(secretariat.submit(verification, Map.of("decision", "APPROVE", "comment", ""), door));

    var stored = new LinkedHashMap<String, Object>();
    stored.put("answers", answers);
    stored.put("returnedVariables", returnedVariables);
    stored.put("selfAssessment", db.queryForList("select department_code, measure_code, progress, achievements,"
        + " issues, next_steps, updated_by from self_assessment where municipality_code = ? and fiscal_year = ?"
        + " order by measure_code", CITY, year));
    stored.put("reviews", db.queryForList("select department_code, review_level, outcome, comment, decided_by"
        + " from review_decision where municipality_code = ? and fiscal_year = ? order by id", CITY, year));
    stored.put("uploads", db.queryForList("select row_count, reason, uploaded_by from activity_upload"
        + " where municipality_code = ? and inventory_year = ? order by id", CITY, year - 2));
    stored.put("inventory", db.queryForList("select version, is_current, reason, status, created_by"
        + " from emission_inventory where municipality_code = ? and inventory_year = ? order by version", CITY, year - 2));
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey(key).count()).as("env's assessment ended").isZero();
    return stored;
  }

  private static Map<String, Object> text(String value) {
    return Map.of("value", value, "type", "String");
  }

  private static void done(Http.Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(204);
  }

  /**
   * Status and message. The message without Camunda's English prefix, which names the door and the task
   * ("Cannot submit task form &lt;id&gt;: " or "Cannot complete task &lt;id&gt;: "): what follows is ours;
   * task ids differ between the two years.
   */
  private static String answer(Http.Response response) {
    var message = response.json().path("message").asText()
        .replaceFirst("^Cannot (submit task form|complete task) [^:]+: ", "")
        .replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "<task>");
    assertThat(message).as(response.toString()).isNotBlank();
    return response.status() + " " + message;
  }
}

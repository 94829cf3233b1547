package jp.climatepdca.system;

import static jp.climatepdca.assessment.DepartmentSelfAssessmentProcess.TASK_ENTER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import jp.climatepdca.testing.AppTest;
import jp.climatepdca.testing.CycleFixture;
import jp.climatepdca.testing.Http;
import jp.climatepdca.testing.TasklistClient;
import jp.climatepdca.testing.WebappSession;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A refused form reaches the person as our Japanese reason alone: Camunda's REST resource writes
 * "Cannot submit task form &lt;id&gt;: " (and "Cannot complete task &lt;id&gt;: ") before it, which Tasklist
 * would show above the form. Through /engine-rest and through the webapps' API that Tasklist calls. The
 * exact reason, for complete as for submit-form (complete runs as submit-form, see SubmittedFieldsGuard):
 * it also checks the engine package's TaskInputUnwrapping, whose refusal Camunda's REST must still answer
 * with 400 and its message. Fiscal year 2058.
 */
@AppTest
class RefusedFormMessageTest {

  private static final int YEAR = 2058;
  private static final String KEY = CycleFixture.CITY + ":" + YEAR + ":env";
  private static final String REASON = "\"SUPERB\" は選択肢にありません";
  /** The whole message, as the listener wrote it, of the first row's measure. */
  private String refusal;

  @LocalServerPort
  int port;

  @Autowired
  RuntimeService runtime;

  @Autowired
  ManagementService management;

  @Autowired
  TaskService tasks;

  private final ObjectMapper json = new ObjectMapper();
  private String task;
  private Map<String, Object> badForm;

  @BeforeEach
  void openEntryTask() {
    if (runtime.createProcessInstanceQuery().processInstanceBusinessKey(CycleFixture.CITY + ":" + YEAR).count() == 0) {
      CycleFixture.startNow(port, runtime, management, YEAR);
    }
    task = CycleFixture.await(tasks, KEY, TASK_ENTER).getId();
    var rows = TasklistClient.rows(new TasklistClient(port, "env-staff").form(task).get("measures"));
    rows.forEach(row -> {
      row.put("progress", "ON_TRACK");
      row.put("achievements", "実施した");
    });
    rows.get(0).put("progress", "SUPERB");
    refusal = "入力内容を確認してください: " + rows.get(0).get("measureCode") + ": 進捗状況の値 " + REASON;
    var variables = new LinkedHashMap<String, Object>();
    variables.put("measures", Map.of("type", "Json", "value", Http.write(rows)));
    badForm = Map.of("variables", variables);
  }

  @Test
  void engineRestAnswersTheReasonWithoutCamundasPrefix() {
    for (var endpoint : new String[] {"submit-form", "complete"}) {
      var refused = Http.as(port, "env-staff").post("/engine-rest/task/" + task + "/" + endpoint, badForm);
      assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
      assertThat(refused.json().path("message").asText()).as(endpoint).isEqualTo(refusal);
      // the rest of Camunda's answer stays as it was
      assertThat(refused.json().path("type").asText()).as(endpoint).isNotBlank();
    }
  }

  @Test
  void tasklistShowsTheReasonWithoutCamundasPrefix() throws Exception {
    var session = WebappSession.logIn(port, "env-staff");
    var refused = session.post("/api/engine/engine/default/task/" + task + "/submit-form",
        Http.write(badForm), true);
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    JsonNode body = json.readTree(refused.body());
    assertThat(body.path("message").asText()).isEqualTo(refusal);
    var completed = session.post("/api/engine/engine/default/task/" + task + "/complete", Http.write(badForm), true);
    assertThat(completed.statusCode()).as(completed.body()).isEqualTo(400);
    assertThat(json.readTree(completed.body()).path("message").asText()).isEqualTo(refusal);
  }
}

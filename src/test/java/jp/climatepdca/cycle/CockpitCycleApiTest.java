package jp.climatepdca.cycle;

import static jp.climatepdca.cycle.CockpitTowns.KAEDE;
import static jp.climatepdca.cycle.CockpitTowns.LAST_YEAR;
import static jp.climatepdca.cycle.CockpitTowns.SAKURA;
import static jp.climatepdca.cycle.CockpitTowns.THIS_YEAR;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import jp.climatepdca.testing.AppTest;
import jp.climatepdca.testing.Http;
import jp.climatepdca.testing.WebappSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** GET /camunda/api/climate-pdca/cockpit/cycles and …/{id}/steps: administrators' webapp login only. */
@AppTest
class CockpitCycleApiTest {

  private static final String LIST = "/api/climate-pdca/cockpit/cycles";

  @LocalServerPort
  int port;

  @Autowired
  ApplicationContext context;

  @BeforeEach
  void towns() {
    CockpitTowns.ensure(context, port);
  }

  @Test
  void anAdministratorSeesBothTownsCyclesByYearWithPhaseAndLateDepartments() throws Exception {
    var admin = WebappSession.logIn(port, "demo");
    var response = admin.get(LIST);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    var ours = ours(new ObjectMapper().readTree(response.body()));
    assertThat(ours).extracting(c -> c.path("businessKey").asText())
        .containsExactly(SAKURA + ":" + THIS_YEAR, KAEDE + ":" + THIS_YEAR, SAKURA + ":" + LAST_YEAR);

    var sakura = ours.get(0);
    assertThat(sakura.path("municipalityName").asText()).isEqualTo("さくら町");
    assertThat(sakura.path("state").asText()).isEqualTo("RUNNING");
    assertThat(sakura.path("phaseLabel").asText()).isEqualTo("各部署の自己点検・自己評価");
    assertThat(sakura.path("lateDepartments")).hasSize(1);
    assertThat(sakura.path("lateDepartments").get(0).path("name").asText()).isEqualTo("環境課");
    assertThat(sakura.path("lateDepartments").get(0).path("tasks").get(0).path("due").asText()).isNotBlank();

    var kaede = ours.get(1);
    assertThat(kaede.path("municipalityName").asText()).isEqualTo("かえで村");
    assertThat(kaede.path("lateDepartments")).isEmpty();
    assertThat(kaede.path("overdueTasks")).isEmpty();

    var lastYear = ours.get(2);
    assertThat(lastYear.path("state").asText()).isEqualTo("COMPLETED");
    assertThat(lastYear.path("stateLabel").asText()).isEqualTo("完了");
    assertThat(lastYear.path("phaseLabel").asText()).isEqualTo("完了");
    assertThat(lastYear.path("endedAt").asText()).isNotBlank();

    var steps = admin.get(LIST + "/" + lastYear.path("processInstanceId").asText() + "/steps");
    assertThat(steps.statusCode()).as(steps.body()).isEqualTo(200);
    assertThat(new ObjectMapper().readTree(steps.body()).findValuesAsText("name"))
        .contains("年度サイクル完了");

    var oneYear = ours(new ObjectMapper().readTree(admin.get(LIST + "?fiscalYear=" + LAST_YEAR).body()));
    assertThat(oneYear).extracting(c -> c.path("businessKey").asText()).containsExactly(SAKURA + ":" + LAST_YEAR);
    assertThat(admin.get(LIST + "?fiscalYear=12345").statusCode()).isEqualTo(400);
    var notAYear = admin.get(LIST + "?fiscalYear=abc");
    assertThat(notAYear.statusCode()).isEqualTo(400);
    assertThat(notAYear.body()).contains("fiscalYear").doesNotContain("Exception");
    // a process instance that is not a cycle (or does not exist) is not read
    assertThat(admin.get(LIST + "/no-such-instance/steps").statusCode()).isEqualTo(404);
  }

  @Test
  void aTownsSecretariatIsRefused() throws Exception {
    var secretariat = WebappSession.logIn(port, CockpitTowns.SECRETARIAT);
    var list = secretariat.get(LIST);
    assertThat(list.statusCode()).as(list.body()).isEqualTo(403);
    assertThat(list.body()).contains("管理者").doesNotContain("かえで村").doesNotContain(SAKURA + ":");
    var anyId = WebappSession.logIn(port, "demo");
    var id = new ObjectMapper().readTree(anyId.get(LIST).body()).get(0).path("processInstanceId").asText();
    assertThat(secretariat.get(LIST + "/" + id + "/steps").statusCode()).isEqualTo(403);
  }

  @Test
  void withoutAWebappLoginNothingIsAnswered() {
    var anonymous = Http.anonymous(port).get("/camunda" + LIST);
    assertThat(anonymous.status()).as(anonymous.toString()).isEqualTo(401);
    assertThat(anonymous.body()).doesNotContain("さくら町");
    // the REST API's basic authentication is not a login to Cockpit
    var basic = Http.as(port, "demo").get("/camunda" + LIST);
    assertThat(basic.status()).as(basic.toString()).isEqualTo(401);
  }

  private static List<JsonNode> ours(JsonNode all) {
    var ours = new ArrayList<JsonNode>();
    all.forEach(c -> {
      if (List.of(SAKURA, KAEDE).contains(c.path("municipality").asText())) {
        ours.add(c);
      }
    });
    return ours;
  }
}

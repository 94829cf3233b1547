package jp.climatepdca.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import jp.climatepdca.testing.AppTest;
import jp.climatepdca.testing.Http;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** POST /api/cycles and GET /api/cycles/{m}/{fy}: every status code, authorization included. */
@AppTest
class CycleApiTest {

  private static final String CITY = "999999";

  @LocalServerPort
  int port;

  @Autowired
  RuntimeService runtime;

  @Autowired
  FiscalYearCycleRepository cycles;

  private Http secretariat() {
    return Http.as(port, "jimukyoku");
  }

  @Test
  void theSecretariatStartsACycleOnceAndGetsItsLocation() {
    var response = secretariat().post("/api/cycles", Map.of("municipality", CITY, "fiscalYear", 2040));

    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    assertThat(response.location()).endsWith("/api/cycles/999999/2040");
    var body = response.json();
    assertThat(body.path("businessKey").asText()).isEqualTo("999999:2040");
    assertThat(body.path("municipality").asText()).isEqualTo(CITY);
    assertThat(body.path("fiscalYear").asInt()).isEqualTo(2040);
    var instance = runtime.createProcessInstanceQuery().processInstanceId(body.path("processInstanceId").asText())
        .singleResult();
    assertThat(instance.getBusinessKey()).isEqualTo("999999:2040");

    var again = secretariat().post("/api/cycles", Map.of("municipality", CITY, "fiscalYear", 2040));
    again.assertProblem(409, "既に開始されています");
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("999999:2040").count()).isEqualTo(1);
  }

  @Test
  void theAdministratorMayStartACycleToo() {
    var response = Http.as(port, "demo").post("/api/cycles", Map.of("municipality", CITY, "fiscalYear", 2041));
    assertThat(response.status()).as(response.toString()).isEqualTo(201);
  }

  @Test
  void theStatusShowsThePhaseAndEveryDepartment() {
    secretariat().post("/api/cycles", Map.of("municipality", CITY, "fiscalYear", 2042));

    var status = secretariat().get(secretariatLocation(2042));
    assertThat(status.status()).as(status.toString()).isEqualTo(200);
    // April 2042 is still to come: the cycle waits for its April check date
    assertThat(status.json().path("phase").asText()).isEqualTo("WAITING_FOR_APRIL");
    assertThat(status.json().path("departments")).hasSize(8);

    var ownDepartmentOnly = Http.as(port, "env-staff").get(secretariatLocation(2042));
    assertThat(ownDepartmentOnly.status()).isEqualTo(200);
    assertThat(ownDepartmentOnly.json().path("departments")).hasSize(1);
    assertThat(ownDepartmentOnly.json().path("departments").get(0).path("code").asText()).isEqualTo("env");
  }

  private static String secretariatLocation(int year) {
    return "/api/cycles/" + CITY + "/" + year;
  }

  @Test
  void anUnknownCycleIs404AndABadYearIn404sPathIs400() {
    secretariat().get("/api/cycles/999999/2099").assertProblem(404, "2099");
    secretariat().get("/api/cycles/999999/next").assertProblem(400, "fiscalYear");
  }

  @Test
  void badInputIs400AndStartsNothing() {
    var before = cycles.count();
    secretariat().post("/api/cycles", Map.of("municipality", CITY)).assertProblem(400, "fiscalYear: 年度は必須です");
    secretariat().post("/api/cycles", Map.of("fiscalYear", 2043)).assertProblem(400, "municipality");
    secretariat().post("/api/cycles", Map.of("municipality", CITY, "fiscalYear", 1999)).assertProblem(400,
        "2000〜2100");
    secretariat().post("/api/cycles", Map.of("municipality", CITY, "fiscalYear", 2101)).assertProblem(400,
        "2000〜2100");
    secretariat().postRaw("/api/cycles", "{\"municipality\": \"999999\", \"fiscalYear\": \"来年\"}").assertProblem(
        400, "fiscalYear");
    secretariat().postRaw("/api/cycles", "{\"municipality\": \"999999\", ").assertProblem(400, "JSON");
    secretariat().post("/api/cycles", Map.of("municipality", "000000", "fiscalYear", 2043)).assertProblem(400,
        "000000");
    assertThat(cycles.count()).isEqualTo(before);
  }

  @Test
  void withoutCredentialsIs401() {
    var response = Http.anonymous(port).post("/api/cycles", Map.of("municipality", CITY, "fiscalYear", 2044));
    assertThat(response.status()).isEqualTo(401);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(Http.anonymous(port).get("/api/municipalities").status()).isEqualTo(401);
    assertThat(Http.anonymous(port).get("/engine-rest/task").status()).isEqualTo(401);
    assertThat(Http.as(port, "jimukyoku-typo").get("/api/municipalities").status()).isEqualTo(401);
  }

  @Test
  void departmentStaffHeadquartersAndCommitteeMayNotStartACycle() {
    for (var user : new String[] {"env-staff", "env-head", "honbu", "iinkai"}) {
      var response = Http.as(port, user).post("/api/cycles", Map.of("municipality", CITY, "fiscalYear", 2045));
      response.assertProblem(403, "事務局または管理者");
    }
    assertThat(cycles.existsByMunicipalityCodeAndFiscalYear(CITY, 2045)).isFalse();
  }

  @Test
  void everyUserSeesTheMunicipalities() {
    var response = Http.as(port, "env-staff").get("/api/municipalities");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json()).anySatisfy(m -> {
      assertThat(m.path("code").asText()).isEqualTo(CITY);
      assertThat(m.path("name").asText()).isEqualTo("みどり市");
    });
  }
}

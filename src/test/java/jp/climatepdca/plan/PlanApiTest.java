package jp.climatepdca.plan;

import static org.assertj.core.api.Assertions.assertThat;

import jp.climatepdca.testing.AppTest;
import jp.climatepdca.testing.Http;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** POST /api/plans: a file is loaded whole or not at all, by whom may load it, with errors a person can fix. */
@AppTest
class PlanApiTest {

  private static final String TOWN = """
      {
        "municipality": {"code": "888888", "name": "さくら町", "liaisonMeeting": true},
        "departments": [
          {"code": "kankyo", "name": "住民環境課"},
          {"code": "kensetsu", "name": "建設課"}
        ],
        "measures": [
          {"code": "S-01", "department": "kankyo", "name": "ごみ減量化の推進", "sector": "WASTE",
           "kind": "IMPLEMENTATION"},
          {"code": "S-02", "department": "kensetsu", "name": "公用車の電動化", "sector": "TRANSPORT",
           "kind": "STUDY", "keyProject": true}
        ]
      }
      """;

  @LocalServerPort
  int port;

  @Autowired
  PlanService plans;

  @Autowired
  IdentityService identity;

  @Test
  void anAdministratorLoadsANewMunicipalityWithItsGroups() {
    var response = Http.as(port, "demo").post("/api/plans", TOWN);

    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    assertThat(response.json().path("municipality").asText()).isEqualTo("888888");
    assertThat(response.json().path("departments").asInt()).isEqualTo(2);
    assertThat(response.json().path("measures").asInt()).isEqualTo(2);
    assertThat(plans.municipality("888888").liaisonMeeting()).isTrue();
    assertThat(plans.activeMeasures("888888")).extracting(MeasureView::code).containsExactly("S-01", "S-02");
    assertThat(identity.createGroupQuery().groupIdIn("888888-kankyo-staff", "888888-kankyo-head",
        "888888-secretariat", "888888-liaison").count()).isEqualTo(4);
  }

  @Test
  void aSecretariatLoadsOnlyItsOwnMunicipality() {
    var other = TOWN.replace("888888", "777777");
    Http.as(port, "jimukyoku").post("/api/plans", other).assertProblem(403, "777777");
    assertThat(plans.findMunicipality("777777")).isEmpty();
  }

  @Test
  void departmentsCannotLoadPlansAndStrangersAreNotLetIn() {
    var other = TOWN.replace("888888", "666666");
    Http.as(port, "env-staff").post("/api/plans", other).assertProblem(403, "権限");
    assertThat(Http.anonymous(port).post("/api/plans", other).status()).isEqualTo(401);
    assertThat(plans.findMunicipality("666666")).isEmpty();
  }

  @Test
  void malformedJsonNamesTheLine() {
    var broken = TOWN.replace("\"name\": \"建設課\"}", "\"name\": \"建設課\"")
        .replace("888888", "555555");
    Http.as(port, "demo").post("/api/plans", broken).assertProblem(400, "行目");
    assertThat(plans.findMunicipality("555555")).isEmpty();
  }

  @Test
  void everyWrongFieldIsNamedAndNothingIsSaved() {
    var wrong = TOWN.replace("888888", "444444")
        .replace("\"department\": \"kensetsu\"", "\"department\": \"doboku\"")
        .replace("\"sector\": \"WASTE\"", "\"sector\": \"GOMI\"");
    var response = Http.as(port, "demo").post("/api/plans", wrong);
    response.assertProblem(400, "measures の 2 件目 (S-02) の department", "doboku", "measures の 1 件目 (S-01) の sector",
        "GOMI");
    assertThat(plans.findMunicipality("444444")).isEmpty();
  }

  @Test
  void anUnknownFieldIsNamed() {
    var unknown = TOWN.replace("888888", "333333").replace("\"liaisonMeeting\"", "\"liaison\"");
    Http.as(port, "demo").post("/api/plans", unknown).assertProblem(400, "liaison");
    assertThat(plans.findMunicipality("333333")).isEmpty();
  }
}

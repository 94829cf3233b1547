package jp.climatepdca.area;

import static org.assertj.core.api.Assertions.assertThat;

import jp.climatepdca.testing.AppTest;
import jp.climatepdca.testing.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Who may load an area: an administrator, or the secretariat of the file's lead municipality, and for an area
 * already loaded also of its stored lead (a member town cannot take the demo area over by naming itself lead).
 */
@AppTest
class AreaSecurityTest {

  @LocalServerPort
  int port;

  @Autowired
  AreaPlanService areas;

  @Test
  void aMemberTownsSecretariatCannotLoadAnotherArea() {
    var other = AreaFiles.demoArea().replace("\"demo-area\"", "\"sec-area\"")
        .replace("\"firstYear\": 2021", "\"firstYear\": 2041").replace("\"lastYear\": 2030", "\"lastYear\": 2050");

    Http.as(port, "999101-jimukyoku").post("/api/areas", other).assertProblem(403, "代表自治体");
    assertThat(areas.find("sec-area")).isEmpty();
  }

  @Test
  void aMemberTownCannotTakeTheDemoAreaOverByNamingItselfLead() {
    var takeover = AreaFiles.demoArea().replace("\"lead\": \"999999\"", "\"lead\": \"999101\"");

    Http.as(port, "999101-jimukyoku").post("/api/areas", takeover).assertProblem(403, "demo-area");
    assertThat(areas.find("demo-area").orElseThrow().lead()).isEqualTo("999999");
  }

  @Test
  void theLeadsSecretariatReloadsItsArea() {
    var response = Http.as(port, "jimukyoku").post("/api/areas", AreaFiles.demoArea());

    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    assertThat(areas.find("demo-area").orElseThrow().members()).containsExactly("999999", "999101", "999102");
  }

  @Test
  void departmentsAndTheAreasOwnGroupsCannotLoadAndStrangersAreNotLetIn() {
    Http.as(port, "env-staff").post("/api/areas", AreaFiles.demoArea()).assertProblem(403, "権限");
    Http.as(port, "demo-area-renraku").post("/api/areas", AreaFiles.demoArea()).assertProblem(403, "権限");
    Http.as(port, "demo-area-jimukyoku").post("/api/areas", AreaFiles.demoArea()).assertProblem(403, "代表自治体");
    assertThat(Http.anonymous(port).post("/api/areas", AreaFiles.demoArea()).status()).isEqualTo(401);
    assertThat(Http.anonymous(port).get("/api/areas").status()).isEqualTo(401);
    assertThat(Http.anonymous(port).get("/api/areas/demo-area").status()).isEqualTo(401);
  }
}

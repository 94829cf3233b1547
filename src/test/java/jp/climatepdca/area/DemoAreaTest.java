package jp.climatepdca.area;

import static org.assertj.core.api.Assertions.assertThat;

import jp.climatepdca.identity.GroupNames;
import jp.climatepdca.testing.AppTest;
import jp.climatepdca.testing.Http;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The demo profile loads the demo area (plan/areas/demo-area.json) after its members' plans, with users per
 * town and for the area; the demo city's users keep their ids and belong to the demo city alone.
 */
@AppTest
class DemoAreaTest {

  @LocalServerPort
  int port;

  @Autowired
  IdentityService identity;

  @Test
  void theDemoAreaIsListedWithItsMembersLeadFirst() {
    var listed = Http.as(port, "999102-jumin-staff").get("/api/areas");

    assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
    var demo = java.util.stream.StreamSupport.stream(listed.json().spliterator(), false)
        .filter(a -> a.path("code").asText().equals("demo-area")).findFirst().orElseThrow();
    assertThat(demo.path("name").asText()).isEqualTo("みどり連携都市圏");
    assertThat(demo.path("lead").asText()).isEqualTo("999999");
    assertThat(demo.path("members").toString()).isEqualTo("[\"999999\",\"999101\",\"999102\"]");
    var whole = Http.as(port, "demo-area-jimukyoku").get("/api/areas/demo-area").json();
    assertThat(whole.path("members").get(1).path("name").asText()).isEqualTo("みどり町");
    assertThat(whole.path("measures").size()).isEqualTo(4);
    assertThat(whole.path("measures").findValuesAsText("keyProject")).containsExactly("true", "true", "true", "false");
  }

  @Test
  void everyTownAndTheAreaHaveTheirUsersInTheirOwnTenantOnly() {
    assertMember("999101-jimukyoku", GroupNames.secretariat("999101"), "999101");
    assertMember("999101-honbu", GroupNames.headquarters("999101"), "999101");
    assertMember("999101-iinkai", GroupNames.committee("999101"), "999101");
    assertMember("999101-kankyo-staff", GroupNames.departmentStaff("999101", "kankyo"), "999101");
    assertMember("999101-kensetsu-head", GroupNames.departmentHead("999101", "kensetsu"), "999101");
    assertMember("999102-jimukyoku", GroupNames.secretariat("999102"), "999102");
    assertMember("999102-sangyo-staff", GroupNames.departmentStaff("999102", "sangyo"), "999102");
    assertMember("demo-area-jimukyoku", GroupNames.secretariat("demo-area"), "demo-area");
    assertMember("demo-area-renraku", GroupNames.liaison("demo-area"), "demo-area");
    assertMember("demo-area-iinkai", GroupNames.committee("demo-area"), "demo-area");
    assertMember("demo-area-tantou", GroupNames.staffMeeting("demo-area"), "demo-area");
    // the demo city's users are as before: one group each, of the demo city
    assertMember("jimukyoku", GroupNames.secretariat("999999"), "999999");
    assertMember("env-staff", GroupNames.departmentStaff("999999", "env"), "999999");
  }

  private void assertMember(String user, String group, String tenant) {
    assertThat(identity.createGroupQuery().groupMember(user).list()).as(user).extracting(g -> g.getId())
        .containsExactly(group);
    assertThat(identity.createTenantQuery().userMember(user).includingGroupsOfUser(true).list()).as(user)
        .extracting(t -> t.getId()).containsExactly(tenant);
    assertThat(identity.checkPassword(user, "demo")).as(user).isTrue();
  }
}

package jp.climatepdca.area;

import static org.assertj.core.api.Assertions.assertThat;

import jp.climatepdca.identity.GroupNames;
import jp.climatepdca.plan.PlanService;
import jp.climatepdca.testing.AppTest;
import jp.climatepdca.testing.Http;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * POST /api/areas, GET /api/areas and GET /api/areas/{area}: an area file is loaded whole or not at all, every
 * problem named at once by its place, with the area's tenant and groups. Towns 941811–941823.
 */
@AppTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AreaApiTest {

  @LocalServerPort
  int port;

  @Autowired
  AreaPlanService areas;

  @Autowired
  PlanService plans;

  @Autowired
  IdentityService identity;

  @BeforeAll
  void loadTheTowns() {
    for (var code : new String[] {"941811", "941812", "941813", "941814", "941815", "941816", "941821", "941822",
        "941823"}) {
      ok(Http.as(port, "demo").post("/api/plans", AreaFiles.town(code, null)));
    }
  }

  private static void ok(Http.Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
  }

  private Http admin() {
    return Http.as(port, "demo");
  }

  @Test
  void anAdministratorLoadsAnAreaWithItsTenantAndGroups() {
    var response = admin().post("/api/areas", AreaFiles.area("api-area", "941812", "941811"));

    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    assertThat(response.json().path("area").asText()).isEqualTo("api-area");
    assertThat(response.json().path("members").asInt()).isEqualTo(2);
    assertThat(response.json().path("measures").asInt()).isEqualTo(2);
    var area = areas.find("api-area").orElseThrow();
    assertThat(area.lead()).isEqualTo("941812");
    assertThat(area.members()).containsExactly("941812", "941811");
    assertThat(area.resultDeadline()).isEqualTo("10-31");
    assertThat(areas.sharedMeasures("api-area").get(0).members()).containsExactly(
        new MemberRole("941812", "IMPLEMENTATION", "M-01"), new MemberRole("941811", "STUDY", null));
    assertThat(areas.emissionTargets("api-area")).extracting(AreaEmissionTargetView::year).containsExactly(2030, 2050);
    assertThat(identity.createTenantQuery().tenantId("api-area").singleResult().getName()).isEqualTo("試験圏域api-area");
    assertThat(identity.createGroupQuery().memberOfTenant("api-area").list()).extracting(g -> g.getId())
        .containsExactlyInAnyOrder(GroupNames.secretariat("api-area"), GroupNames.liaison("api-area"),
            GroupNames.committee("api-area"), GroupNames.staffMeeting("api-area"));
    assertThat(identity.createGroupQuery().groupId("api-area-committee").singleResult().getName())
        .isEqualTo("試験圏域api-area 意見聴取委員会");

    var listed = admin().get("/api/areas");
    assertThat(listed.status()).isEqualTo(200);
    assertThat(listed.body()).contains("\"code\":\"api-area\"");
    var whole = admin().get("/api/areas/api-area").json();
    assertThat(whole.path("area").path("lead").asText()).isEqualTo("941812");
    assertThat(whole.path("members").get(0).path("name").asText()).isEqualTo("町941812");
    assertThat(whole.path("members").get(0).path("lead").asBoolean()).isTrue();
    assertThat(whole.path("measures").get(0).path("keyProject").asBoolean()).isTrue();
    assertThat(whole.path("indicators").get(0).path("targetValue").asText()).isEqualTo("270");
    assertThat(whole.path("emissionTargets").get(0).path("reductionPercent").asText()).isEqualTo("46");
  }

  @Test
  void loadingAgainReplacesTheMembersAndMeasures() {
    ok(admin().post("/api/areas", AreaFiles.area("again-area", "941813", "941814")));
    var smaller = AreaFiles.area("again-area", "941813").replace("試験圏域again-area", "改称した圏域");

    ok(admin().post("/api/areas", smaller));

    var area = areas.find("again-area").orElseThrow();
    assertThat(area.name()).isEqualTo("改称した圏域");
    assertThat(area.members()).containsExactly("941813");
    assertThat(areas.sharedMeasures("again-area")).extracting(SharedMeasureView::code).containsExactly("AM-01", "AM-02");
    assertThat(areas.sharedMeasures("again-area").get(0).members()).containsExactly(
        new MemberRole("941813", "IMPLEMENTATION", "M-01"));
    assertThat(identity.createTenantQuery().tenantId("again-area").singleResult().getName()).isEqualTo("改称した圏域");
  }

  @Test
  void everyProblemIsNamedByItsPlaceAndNothingIsStored() {
    var bad = """
        {"area": {"code": "bad-area", "name": "不正な圏域", "lead": "941899", "firstYear": 2021, "lastYear": 2030,
                  "baseYear": 2013, "resultDeadline": "13-40"},
         "members": [{"code": "941821"}, {"code": "941822"}, {"code": "941898"}, {"code": "941821"}],
         "measures": [
           {"code": "AM-01", "name": "共同事業", "sector": "SPACE",
            "members": [{"municipality": "941821", "kind": "MAYBE", "measure": "M-01"},
                        {"municipality": "941822", "kind": "IMPLEMENTATION", "measure": "M-99"},
                        {"municipality": "941811", "kind": "STUDY"}]}],
         "indicators": [{"code": "X", "name": "指標", "unit": "件", "measure": "AM-09", "direction": "UP",
                         "baseYear": 2013, "baseValue": 1, "targetYear": 2030, "targetValue": 2}],
         "emissionTargets": [{"year": 2030, "reductionPercent": 146}]}
        """;

    var response = admin().post("/api/areas", bad);

    response.assertProblem(400, "area.resultDeadline", "13-40",
        "members の 3 件目 (941898)", "計画が登録されていません",
        "members の 4 件目 (941821): 1 件目と重複しています",
        "area.lead: 代表自治体 \\\"941899\\\" が members にありません",
        "measures の 1 件目 (AM-01) の sector", "SPACE",
        "measures の 1 件目 (AM-01) の members の 1 件目 (941821) の kind", "MAYBE",
        "measures の 1 件目 (AM-01) の members の 2 件目 (941822) の measure", "M-99",
        "members の 3 件目 (941811): 自治体 \\\"941811\\\" はこの圏域の members にありません",
        "indicators の 1 件目 (X) の measure", "AM-09", "indicators の 1 件目 (X) の direction",
        "emissionTargets の 1 件目 (2030) の reductionPercent");
    assertThat(response.json().path("errors").size()).as(response.toString()).isEqualTo(11);
    assertThat(areas.find("bad-area")).isEmpty();
    assertThat(identity.createTenantQuery().tenantId("bad-area").count()).isZero();
  }

  @Test
  void aMemberCannotBeInTwoAreasForTheSameYears() {
    ok(admin().post("/api/areas", AreaFiles.area("first-area", "941815")));
    var overlapping = AreaFiles.area("second-area", "941816", "941815").replace("\"firstYear\": 2021", "\"firstYear\": 2030")
        .replace("\"lastYear\": 2030", "\"lastYear\": 2035");

    admin().post("/api/areas", overlapping)
        .assertProblem(400, "members の 2 件目 (941815)", "first-area", "2021〜2030年度");
    assertThat(areas.find("second-area")).isEmpty();

    var after = overlapping.replace("\"firstYear\": 2030", "\"firstYear\": 2031");
    ok(admin().post("/api/areas", after));
    assertThat(areas.areaOf("941815", 2030)).map(AreaView::code).contains("first-area");
    assertThat(areas.areaOf("941815", 2031)).map(AreaView::code).contains("second-area");
  }

  @Test
  void areaAndMunicipalityCodesShareOneNamespace() {
    admin().post("/api/areas", AreaFiles.area("941811", "941811"))
        .assertProblem(400, "area.code", "自治体コードとして登録されています");
    ok(admin().post("/api/areas", AreaFiles.area("ns-area", "941823")));

    admin().post("/api/plans", AreaFiles.town("ns-area", null))
        .assertProblem(400, "municipality.code", "圏域のコードとして登録されています");
    assertThat(plans.findMunicipality("ns-area")).isEmpty();
  }

  @Test
  void aMembersPlanNamesItsAreaAndTheAreaMustListIt() {
    // the area is not loaded yet: a member's plan may name it (members load first)
    ok(admin().post("/api/plans", AreaFiles.town("941817", "named-area")));
    ok(admin().post("/api/plans", AreaFiles.town("941818", "named-area")));
    assertThat(plans.namedArea("941817")).contains("named-area");

    // the area file must then list every municipality whose plan names it
    admin().post("/api/areas", AreaFiles.area("named-area", "941817"))
        .assertProblem(400, "941818", "members にありません");
    ok(admin().post("/api/areas", AreaFiles.area("named-area", "941817", "941818")));

    // once the area exists, a plan naming it must be listed by it, and another area's member names it wrongly
    admin().post("/api/plans", AreaFiles.town("941819", "named-area"))
        .assertProblem(400, "municipality.area", "named-area", "941819");
    assertThat(plans.findMunicipality("941819")).isEmpty();
    ok(admin().post("/api/plans", AreaFiles.town("941819", "other-area")));
    admin().post("/api/areas", AreaFiles.area("named-area", "941817", "941818", "941819"))
        .assertProblem(400, "members の 3 件目 (941819)", "別の圏域 \\\"other-area\\\"");
  }

  @Test
  void unreadableFilesAreNamedByLineOrField() {
    admin().post("/api/areas", "{\"area\": {\"code\": ").assertProblem(400, "行目");
    admin().post("/api/areas", AreaFiles.area("typo-area", "941811").replace("\"keyProject\": true", "\"key\": true"))
        .assertProblem(400, "項目 \\\"key\\\" は定義されていません");
    admin().post("/api/areas", AreaFiles.area("type-area", "941811").replace("\"baseValue\": 500", "\"baseValue\": \"多い\""))
        .assertProblem(400, "indicators の 1 件目 の baseValue");
    admin().post("/api/areas", "{}").assertProblem(400, "area: 圏域の情報は必須です", "members");
    assertThat(areas.find("typo-area")).isEmpty();
  }

  @Test
  void sizesAreBounded() {
    var members = new StringBuilder("{\"code\": \"941811\"}");
    for (int i = 0; i < AreaFileValidator.MAX_MEMBERS; i++) {
      members.append(", {\"code\": \"x").append(i).append("\"}");
    }
    var many = AreaFiles.area("big-area", "941811").replace("[{\"code\": \"941811\"}]", "[" + members + "]");
    admin().post("/api/areas", many).assertProblem(400, "members: 構成自治体は200件までです（201件）");
    admin().post("/api/areas", AreaFiles.area("num-area", "941811").replace("\"baseValue\": 500", "\"baseValue\": 1e100000000"))
        .assertProblem(400, "indicators の 1 件目 (AGHG) の baseValue", "大きすぎます");
    admin().post("/api/areas", AreaFiles.area("long-area", "941811").replace("試験圏域long-area", "長".repeat(101)))
        .assertProblem(400, "area.name: 100文字以内");
    assertThat(areas.find("big-area")).isEmpty();
    assertThat(areas.find("num-area")).isEmpty();
  }

  @Test
  void anUnknownAreaIsNotFound() {
    admin().get("/api/areas/no-such-area").assertProblem(404, "no-such-area");
  }
}

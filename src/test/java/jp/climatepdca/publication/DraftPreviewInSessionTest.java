package jp.climatepdca.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import jp.climatepdca.identity.GroupNames;
import jp.climatepdca.testing.AppTest;
import jp.climatepdca.testing.Http;
import jp.climatepdca.testing.TasklistClient;
import jp.climatepdca.testing.WebappSession;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The draft preview through Tasklist's door: あんず町 (962101) has its report of 2026 on its way. With a Tasklist
 * session (no password sent) its headquarters and secretariat see the page, PDF, CSV and JSON, never cached; the
 * page's download links stay at that door. Its department and the neighbouring かりん町's (962102) secretariat get
 * 403, no session 401 without a Basic challenge (the browser asks no password), a year with nothing on its way
 * 404. The groups are those of now: headquarters taken out of its group after logging in gets 403. The form links
 * there; /api's door with HTTP Basic stays, and a session does not open it.
 */
@AppTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DraftPreviewInSessionTest {

  static final String TOWN = "962101";
  static final String NEIGHBOUR = "962102";
  static final int YEAR = 2026;
  /** Under the webapps' address, as WebappSession names it (from /camunda on). */
  static final String DOOR = "/api/climate-pdca/report-drafts/" + TOWN + "/" + YEAR;
  static final String FULL = "/camunda" + DOOR;

  @LocalServerPort
  int port;

  @Autowired
  ApplicationContext context;

  @Autowired
  IdentityService identity;

  @BeforeAll
  void prepared() {
    ReadableTown.ensure(context, port, TOWN, "あんず町", YEAR);
    ReadableTown.ensure(context, port, NEIGHBOUR, "かりん町", YEAR);
    ReadableTown.prepared(context, TOWN, YEAR);
  }

  @Test
  void theTasklistSessionOpensTheDraftForThoseWhoMaySeeIt() throws Exception {
    for (var user : List.of(TOWN + "-honbu", TOWN + "-jimukyoku")) {
      var session = WebappSession.logIn(port, user);
      for (var path : List.of(DOOR, DOOR + "/report.pdf", DOOR + "/measures.csv", DOOR + "/emissions.csv",
          DOOR + "/indicators.csv", DOOR + "/report.json")) {
        var response = session.get(path);
        assertThat(response.statusCode()).as(user + " " + path).isEqualTo(200);
        assertThat(response.headers().allValues("Cache-Control")).as(path).anySatisfy(v -> assertThat(v)
            .contains("no-store").contains("private")).noneSatisfy(v -> assertThat(v).contains("public"));
        assertThat(response.headers().firstValue("X-Robots-Tag").orElse("")).as(path).contains("noindex");
      }
      var page = session.get(DOOR);
      assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
      assertThat(page.headers().allValues("Content-Security-Policy")).containsExactly(
          DraftReportController.CONTENT_SECURITY_POLICY);
      // the downloads of the page are at the same door, so they open with the same session
      assertThat(page.body()).contains("<title>【下書き・未公表】あんず町 年次報告書 2026年度（令和8年度）</title>",
          "href=\"" + FULL + "/report.pdf\"", "href=\"" + FULL + "/measures.csv\"")
          .doesNotContain("/api/reports/");
      assertThat(session.get(DOOR + "/report.pdf").body()).startsWith("%PDF");
    }

    // the town's department, the neighbouring town's secretariat: 403, nothing of the report told
    for (var user : List.of(TOWN + "-kankyo-staff", TOWN + "-iinkai", NEIGHBOUR + "-jimukyoku")) {
      var session = WebappSession.logIn(port, user);
      for (var path : List.of(DOOR, DOOR + "/report.pdf", DOOR + "/emissions.csv", DOOR + "/report.json")) {
        var response = session.get(path);
        assertThat(response.statusCode()).as(user + " " + path).isEqualTo(403);
        assertThat(response.body()).as(user + " " + path).contains("この操作を行う権限がありません")
            .doesNotContain("あんず町");
      }
    }
    // the neighbour's headquarters may see its own town's draft door, not this one: the tenant decides
    assertThat(WebappSession.logIn(port, NEIGHBOUR + "-honbu").get(DOOR).statusCode()).isEqualTo(403);

    // no session: 401 and no Basic challenge (a browser would ask for a password); a password alone does not open it
    for (var path : List.of(FULL, FULL + "/report.pdf")) {
      var anonymous = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create("http://localhost:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(anonymous.statusCode()).as(path).isEqualTo(401);
      assertThat(anonymous.headers().firstValue("WWW-Authenticate")).as(path).isEmpty();
      assertThat(anonymous.body()).contains("Tasklist にログインしてから").doesNotContain("あんず町");
    }
    assertThat(Http.as(port, TOWN + "-honbu").get(FULL).status()).isEqualTo(401);

    // a year with nothing on its way, a malformed year
    var headquarters = WebappSession.logIn(port, TOWN + "-honbu");
    var none = headquarters.get("/api/climate-pdca/report-drafts/" + TOWN + "/2030");
    assertThat(none.statusCode()).isEqualTo(404);
    assertThat(none.body()).contains("公表前の版はありません");
    assertThat(headquarters.get("/api/climate-pdca/report-drafts/" + TOWN + "/20x6").statusCode()).isEqualTo(400);

    // the API's door is as it was: HTTP Basic opens it, the Tasklist session does not
    assertThat(Http.as(port, TOWN + "-honbu").get("/api/reports/" + TOWN + "/" + YEAR + "/draft").status())
        .isEqualTo(200);
    var api = HttpClient.newBuilder().build().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
        + "/api/reports/" + TOWN + "/" + YEAR + "/draft")).header("Cookie", headquarters.cookieHeader()).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(api.statusCode()).isEqualTo(401);
  }

  @Test
  void theGroupsAreThoseOfNowNotOfTheLogin() throws Exception {
    var user = TOWN + "-honbu";
    var session = WebappSession.logIn(port, user);
    assertThat(session.get(DOOR).statusCode()).isEqualTo(200);
    identity.deleteMembership(user, GroupNames.headquarters(TOWN));
    try {
      assertThat(session.get(DOOR).statusCode()).isEqualTo(403);
    } finally {
      identity.createMembership(user, GroupNames.headquarters(TOWN));
    }
    assertThat(session.get(DOOR).statusCode()).isEqualTo(200);
  }

  @Test
  void theFormLinksToTheSessionDoor() {
    var headquarters = new TasklistClient(port, TOWN + "-honbu");
    var approval = headquarters.await(ReadableTown.businessKey(TOWN, YEAR),
        AnnualReportPublicationProcess.TASK_APPROVE_PUBLICATION);
    var form = headquarters.form(approval);
    assertThat(form.get("previewLink").asText()).isEqualTo(FULL);
    assertThat(form.get("draftPdfLink").asText()).isEqualTo(FULL + "/report.pdf");
  }
}

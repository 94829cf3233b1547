package jp.climatepdca.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import jp.climatepdca.testing.AppTest;
import jp.climatepdca.testing.Http;
import jp.climatepdca.testing.WebappSession;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A browser holding the Basic password (or a Tasklist session) must not change anything on behalf of a
 * foreign page: each door refuses a write whose Origin or Referer is not this server's or the configured
 * one (application-test.yaml allows https://portal.example.jp), and stores nothing. Clients without a
 * browser (neither header) and the application's own pages keep working.
 */
@AppTest
class CrossOriginWritesTest {

  private static final String TOWN = "999999";
  private static final String EVIL = "https://evil.example";
  private static final String PROBE = "cross-origin-probe";
  private static final String BOUNDARY = "cross-origin-boundary";

  @LocalServerPort
  int port;

  @Autowired
  JdbcTemplate db;

  @Autowired
  RepositoryService repository;

  @Autowired
  FilterService filters;

  @AfterEach
  void removeProbes() {
    repository.createDeploymentQuery().deploymentName(PROBE).list()
        .forEach(d -> repository.deleteDeployment(d.getId(), true));
    filters.createFilterQuery().filterName(PROBE).list().forEach(f -> filters.deleteFilter(f.getId()));
  }

  /** What a foreign page can post without a preflight: text/plain, the secretariat's password cached. */
  private Http.Response upload(Http http, int year) {
    return http.post("/api/emissions/" + TOWN + "/" + year + "/activity-data", "text/plain",
        "部門,小部門,燃料,活動量,単位,出典\n家庭,,灯油,10,kL,販売量\n".getBytes(StandardCharsets.UTF_8));
  }

  private int uploads(int year) {
    return db.queryForObject("select count(*) from activity_upload where municipality_code = ? and inventory_year = ?",
        Integer.class, TOWN, year);
  }

  @Test
  void aForeignPageCannotUploadActivityDataWithTheCachedPassword() {
    var demo = Http.as(port, "demo");
    upload(demo.with("Origin", EVIL), 2041).assertProblem(403, "他のサイト", "Origin: " + EVIL);
    upload(demo.with("Origin", "null"), 2041).assertProblem(403, "Origin: null");
    upload(demo.with("Referer", EVIL + "/attack.html"), 2041).assertProblem(403, "Referer");
    // the host's name on another port or scheme is another origin
    upload(demo.with("Origin", "https://localhost:" + port), 2041).assertProblem(403);
    upload(demo.with("Origin", "http://localhost:" + (port + 1)), 2041).assertProblem(403);
    assertThat(uploads(2041)).isZero();

    assertThat(upload(demo.with("Origin", demo.origin()), 2041).status()).isEqualTo(200);
    assertThat(upload(demo.with("Referer", demo.origin() + "/some/page?x=1"), 2042).status()).isEqualTo(200);
    assertThat(upload(demo, 2043).status()).as("curl: neither header").isEqualTo(200);
    assertThat(upload(demo.with("Origin", "https://PORTAL.example.jp:443"), 2044).status()).as("configured")
        .isEqualTo(200);
    assertThat(uploads(2041) + uploads(2042) + uploads(2043) + uploads(2044)).isEqualTo(4);
  }

  @Test
  void readsStayOpenToEveryOrigin() {
    // a foreign page cannot read the answer anyway (no CORS); refusing GET would break links
    assertThat(Http.as(port, "demo").with("Origin", EVIL).get("/api/municipalities").status()).isEqualTo(200);
  }

  private Http.Response deploy(Http http) {
    var body = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n" + PROBE
        + "\r\n--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"note.txt\"\r\n"
        + "Content-Type: text/plain\r\n\r\nprobe\r\n--" + BOUNDARY + "--\r\n";
    return http.post("/engine-rest/deployment/create", "multipart/form-data; boundary=" + BOUNDARY,
        body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aForeignPageCannotDeployThroughEngineRest() {
    var demo = Http.as(port, "demo");
    deploy(demo.with("Origin", EVIL)).assertProblem(403, "他のサイト");
    deploy(demo.with("Referer", "http://evil.example/")).assertProblem(403);
    assertThat(repository.createDeploymentQuery().deploymentName(PROBE).count()).isZero();

    assertThat(deploy(demo.with("Origin", demo.origin())).status()).isEqualTo(200);
    assertThat(deploy(demo).status()).isEqualTo(200);
    assertThat(repository.createDeploymentQuery().deploymentName(PROBE).count()).isEqualTo(2);
  }

  @Test
  void aForeignPageCannotUseATasklistSessionEvenWithItsToken() throws Exception {
    var session = WebappSession.logIn(port, "demo");
    var filter = "{\"resourceType\": \"Task\", \"name\": \"" + PROBE + "\", \"query\": {}, \"properties\": {}}";
    var path = "/api/engine/engine/default/filter/create";

    var forged = session.from(EVIL).post(path, filter, true);
    assertThat(forged.statusCode()).as(forged.body()).isEqualTo(403);
    assertThat(forged.body()).contains("他のサイト");
    assertThat(filters.createFilterQuery().filterName(PROBE).count()).isZero();

    var own = session.from("http://localhost:" + port).post(path, filter, true);
    assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
    assertThat(filters.createFilterQuery().filterName(PROBE).count()).isEqualTo(1);
  }
}

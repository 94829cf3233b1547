package jp.climatepdca.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import jp.climatepdca.testing.AppTest;
import jp.climatepdca.testing.WebappSession;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What Camunda's filters refuse before our webapp endpoints run (/camunda/api/climate-pdca/…) is answered in
 * Japanese in the problem shape, as /api is: a change without the page's CSRF token, an unknown path. Tried by
 * hand, both were Spring's English {"error":"Forbidden"} / "Not Found".
 */
@AppTest
class WebappApiErrorsTest {

  @LocalServerPort
  int port;

  @Test
  void aChangeWithoutThePagesTokenIsRefusedInJapanese() throws Exception {
    var session = WebappSession.logIn(port, "env-staff");
    var refused = session.send("PUT", "/api/climate-pdca/task-drafts/no-such-task", "application/json",
        "{}".getBytes(StandardCharsets.UTF_8), false);
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("\"title\":\"権限がありません\"", "画面を開き直してから",
        "\"instance\":\"/camunda/api/climate-pdca/task-drafts/no-such-task\"").doesNotContain("Forbidden");
  }

  @Test
  void anUnknownPathIsAJapanese404() throws Exception {
    var missing = WebappSession.logIn(port, "jimukyoku").get("/api/climate-pdca/no-such-page");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body()).contains("\"title\":\"見つかりません\"",
        "該当する API はありません: /camunda/api/climate-pdca/no-such-page").doesNotContain("Not Found");
  }
}

package jp.climatepdca.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import jp.climatepdca.testing.AppTest;
import jp.climatepdca.testing.Http;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Wrong passwords lock the account for a while (application.yaml: 3 s, doubling, at most 10 min; for
 * good after 20), at /api and /engine-rest alike. A user of its own, so no other test is locked out;
 * the engine's clock is moved instead of waiting.
 */
@AppTest
class LoginLockoutTest {

  private static final String USER = "lockout-probe";
  private static final String PASSWORD = "correct-horse-battery";
  private static final String API = "/api/municipalities";
  private static final String ENGINE_REST = "/engine-rest/task?maxResults=1";

  @LocalServerPort
  int port;

  @Autowired
  IdentityService identity;

  private long now;

  @BeforeEach
  void user() {
    var user = identity.newUser(USER);
    user.setFirstName("ロック");
    user.setLastName("確認");
    user.setPassword(PASSWORD);
    identity.saveUser(user);
    now = System.currentTimeMillis();
    ClockUtil.setCurrentTime(new Date(now));
  }

  @AfterEach
  void cleanUp() {
    ClockUtil.reset();
    identity.deleteUser(USER);
  }

  private Http.Response login(String password, String path) {
    return Http.as(port, USER, password).get(path);
  }

  private void later(long seconds) {
    now += seconds * 1000;
    ClockUtil.setCurrentTime(new Date(now));
  }

  @Test
  void wrongPasswordsLockTheAccountForAWhileThatGrows() {
    assertThat(login(PASSWORD, API).status()).isEqualTo(200);

    var wrong = login("guess-1", API);
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(wrong.json().path("detail").asText()).isEqualTo("ユーザーIDまたはパスワードが正しくありません");
    later(4);
    assertThat(login("guess-2", API).status()).isEqualTo(401);

    // the second failure locks for 6 s: the right password is refused at both doors, and told why
    var locked = login(PASSWORD, API);
    assertThat(locked.status()).isEqualTo(401);
    assertThat(locked.contentType()).startsWith("application/problem+json");
    assertThat(locked.json().path("detail").asText()).contains("ロックされています").contains("日本時間");
    assertThat(login(PASSWORD, ENGINE_REST).status()).isEqualTo(401);
    later(4);
    assertThat(login(PASSWORD, API).status()).as("still within 6 s").isEqualTo(401);

    later(3);
    assertThat(login(PASSWORD, API).status()).isEqualTo(200);
    // a success forgives the failures: the next mistake locks for 3 s again, not 12
    assertThat(login("guess-3", ENGINE_REST).status()).isEqualTo(401);
    later(4);
    assertThat(login(PASSWORD, ENGINE_REST).status()).isEqualTo(200);
  }

  @Test
  void afterTheMaximumOnlyAnAdministratorUnlocks() {
    for (int i = 0; i < 20; i++) {
      assertThat(login("guess-" + i, API).status()).isEqualTo(401);
      later(601);
    }
    var locked = login(PASSWORD, API);
    assertThat(locked.status()).isEqualTo(401);
    assertThat(locked.json().path("detail").asText()).contains("管理者にロックの解除を依頼してください");
    later(3600);
    assertThat(login(PASSWORD, ENGINE_REST).status()).isEqualTo(401);

    identity.unlockUser(USER);
    assertThat(login(PASSWORD, API).status()).isEqualTo(200);
  }
}

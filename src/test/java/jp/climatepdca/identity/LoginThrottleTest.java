package jp.climatepdca.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import jp.climatepdca.testing.AppTest;
import jp.climatepdca.testing.FromAddress;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Login throttling at every door (/api, /engine-rest, the Tasklist login), with clients on distinct
 * loopback addresses as distinct machines: a stranger's wrong passwords slow down only the stranger,
 * a wrong password, an unknown user and a throttled attempt get the same answer, the delay grows, and
 * the administrator reads it in the log and can lift it. The throttle's clock is moved instead of waiting.
 */
@AppTest
@ExtendWith(OutputCaptureExtension.class)
class LoginThrottleTest {

  private static final String USER = "throttle-probe";
  private static final String PASSWORD = "correct-horse-battery";
  private static final String API = "/api/municipalities";
  private static final String ENGINE_REST = "/engine-rest/engine";
  private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger(2);

  @LocalServerPort
  int port;

  @Autowired
  IdentityService identity;

  @Autowired
  AuthorizationService authorizations;

  @Autowired
  LoginThrottle throttle;

  @Autowired
  JdbcTemplate db;

  private Clock before;
  private Instant now = Instant.parse("2031-06-01T00:00:00Z");

  @BeforeEach
  void user() {
    var user = identity.newUser(USER);
    user.setFirstName("ロック");
    user.setLastName("確認");
    user.setPassword(PASSWORD);
    identity.saveUser(user);
    // Tasklist lets in only users it is granted to (a valid password without the grant gets 403)
    var tasklist = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    tasklist.setUserId(USER);
    tasklist.setResource(Resources.APPLICATION);
    tasklist.setResourceId("tasklist");
    tasklist.addPermission(Permissions.ACCESS);
    authorizations.saveAuthorization(tasklist);
    before = throttle.clock();
    throttle.useClock(Clock.fixed(now, ZoneOffset.UTC));
  }

  @AfterEach
  void cleanUp() {
    throttle.useClock(before);
    identity.deleteUser(USER);
    authorizations.createAuthorizationQuery().userIdIn(USER).list()
        .forEach(a -> authorizations.deleteAuthorization(a.getId()));
    db.update("delete from login_throttle where client like '127.0.%' and client <> '127.0.0.1'");
  }

  private void later(Duration duration) {
    now = now.plus(duration);
    throttle.useClock(Clock.fixed(now, ZoneOffset.UTC));
  }

  /** A client machine of its own: every test and every role gets a fresh loopback address. */
  private FromAddress client() {
    var n = NEXT_ADDRESS.getAndIncrement();
    return FromAddress.of("127.0." + (n / 250) + "." + (2 + n % 250), port);
  }

  private static FromAddress.Reply api(FromAddress client, String user, String password) {
    return client.get(API, Map.of("Authorization", FromAddress.basic(user, password)));
  }

  private static FromAddress.Reply engineRest(FromAddress client, String user, String password) {
    return client.get(ENGINE_REST, Map.of("Authorization", FromAddress.basic(user, password)));
  }

  /** Tasklist's login as the browser makes it: the page hands out the XSRF token, the form sends it back. */
  private static FromAddress.Reply tasklist(FromAddress client, String user, String password) {
    client.get("/camunda/app/tasklist/default/", Map.of());
    return client.post("/camunda/api/admin/auth/user/default/login/tasklist",
        Map.of("X-XSRF-TOKEN", client.cookie("XSRF-TOKEN")), "application/x-www-form-urlencoded",
        "username=" + user + "&password=" + password);
  }

  @Test
  void aStrangersGuessesDoNotLockTheUserOutFromAnotherAddress() {
    var attacker = client();
    for (int i = 0; i < 30; i++) {
      assertThat(api(attacker, USER, "guess-" + i).status()).isEqualTo(401);
      assertThat(engineRest(attacker, USER, "guess-x" + i).status()).isEqualTo(401);
    }
    assertThat(tasklist(attacker, USER, "guess-y").status()).isEqualTo(401);
    // the attacker, now throttled, is refused even the right password
    assertThat(api(attacker, USER, PASSWORD).status()).isEqualTo(401);
    assertThat(tasklist(attacker, USER, PASSWORD).status()).isEqualTo(401);

    var user = client();
    var reply = api(user, USER, PASSWORD);
    assertThat(reply.status()).as(reply.headers() + reply.body()).isEqualTo(200);
    assertThat(engineRest(user, USER, PASSWORD).status()).isEqualTo(200);
    assertThat(tasklist(user, USER, PASSWORD).status()).isEqualTo(200);
  }

  @Test
  void aWrongPasswordAnUnknownUserAndAThrottledAttemptGetTheSameAnswer() {
    var throttled = client();
    for (int i = 0; i < 5; i++) {
      api(throttled, USER, "guess-" + i);
    }
    var answers = Map.of(
        "api", new FromAddress.Reply[] {api(client(), USER, "wrong"), api(client(), "nobody-here", "wrong"),
            api(throttled, USER, PASSWORD)},
        "engine-rest", new FromAddress.Reply[] {engineRest(client(), USER, "wrong"),
            engineRest(client(), "nobody-here", "wrong"), engineRest(throttled, USER, PASSWORD)},
        "tasklist", new FromAddress.Reply[] {tasklist(client(), USER, "wrong"), tasklist(client(), "nobody-here", "wrong"),
            tasklist(throttled, USER, PASSWORD)});
    answers.forEach((door, replies) -> {
      assertThat(replies[0].status()).as(door).isEqualTo(401);
      for (var reply : replies) {
        assertThat(reply.status()).as(door).isEqualTo(replies[0].status());
        assertThat(withoutTime(reply.body())).as(door).isEqualTo(withoutTime(replies[0].body()));
        assertThat(comparable(reply)).as(door).isEqualTo(comparable(replies[0]));
      }
    });
    assertThat(answers.get("api")[0].body()).contains("ユーザーIDまたはパスワードが正しくありません");
  }

  /** Spring's error answer (the Tasklist login's 401) says when it was made. */
  private static String withoutTime(String body) {
    return body.replaceAll("\"timestamp\":\"[^\"]*\"", "\"timestamp\":…");
  }

  /** The headers but the date, the page's fresh script nonce and a session's fresh identifiers. */
  private static Map<String, Object> comparable(FromAddress.Reply reply) {
    var headers = new HashMap<String, Object>(reply.headers());
    headers.remove("date");
    headers.computeIfPresent("content-security-policy", (name, values) -> ((java.util.List<?>) values).stream()
        .map(v -> v.toString().replaceAll("'nonce-[^']*'", "'nonce-…'")).toList());
    headers.computeIfPresent("set-cookie", (name, values) -> ((java.util.List<?>) values).stream()
        .map(v -> v.toString().replaceAll("=[^;]*", "=…")).toList());
    return headers;
  }

  @Test
  void theDelayGrowsAndTheLogTellsTheAdministratorUntilWhen(CapturedOutput log) {
    var client = client();
    for (int i = 0; i < 3; i++) {
      assertThat(api(client, USER, "typo-" + i).status()).isEqualTo(401);
    }
    // three mistakes are free: the right password works at once and forgives them
    assertThat(api(client, USER, PASSWORD).status()).isEqualTo(200);

    for (int i = 0; i < 4; i++) {
      assertThat(api(client, USER, "guess-" + i).status()).isEqualTo(401);
    }
    // the fourth failure: 2 s
    assertThat(api(client, USER, PASSWORD).status()).isEqualTo(401);
    later(Duration.ofMillis(2001));
    assertThat(api(client, USER, "guess-4").status()).isEqualTo(401);
    // the fifth: 4 s; an attempt while blocked does not count, so waiting them out is enough
    later(Duration.ofSeconds(3));
    assertThat(engineRest(client, USER, PASSWORD).status()).isEqualTo(401);
    later(Duration.ofMillis(1001));
    assertThat(engineRest(client, USER, PASSWORD).status()).isEqualTo(200);

    assertThat(log.getOut()).containsPattern("WARN .* login throttled: account 'throttle-probe' from client"
        + " 127\\.0\\.\\d+\\.\\d+ after 4 failures, refused until 2031-06-01 09:00:02 \\(Japan time\\)");
    assertThat(log.getOut()).containsPattern("WARN .* login throttled: account 'throttle-probe' from client"
        + " 127\\.0\\.\\d+\\.\\d+ after 5 failures, refused until 2031-06-01 09:00:06 \\(Japan time\\)");
  }

  /**
   * An unknown user and a wrong password take about as long: the engine hashes only for a user it
   * found (SHA-512, microseconds) and records its ATTEMPTS_ only for one; both are counted by the
   * throttle. Medians of alternating attempts, each from an address of its own (none is throttled).
   */
  @Test
  void anUnknownUserTakesAboutAsLongAsAWrongPassword() {
    for (int i = 0; i < 10; i++) { // warm both paths up first
      api(client(), "nobody-warm-" + i, "wrong");
      api(client(), USER, "wrong");
    }
    var unknown = new long[41];
    var wrong = new long[41];
    for (int i = 0; i < unknown.length; i++) {
      var started = System.nanoTime();
      assertThat(api(client(), "nobody-" + i, "wrong").status()).isEqualTo(401);
      unknown[i] = System.nanoTime() - started;
      started = System.nanoTime();
      assertThat(api(client(), USER, "wrong").status()).isEqualTo(401);
      wrong[i] = System.nanoTime() - started;
    }
    java.util.Arrays.sort(unknown);
    java.util.Arrays.sort(wrong);
    var medianUnknown = unknown[20];
    var medianWrong = wrong[20];
    System.out.printf("login timing: median unknown user %.1f ms, wrong password %.1f ms%n", medianUnknown / 1e6,
        medianWrong / 1e6);
    // a lookup that answered "no such user" without any work would be several times faster
    assertThat(Duration.ofNanos(Math.abs(medianUnknown - medianWrong)))
        .isLessThan(Duration.ofNanos(Math.max(3_000_000, Math.max(medianUnknown, medianWrong) / 4)));
  }

  @Test
  void anAddressFailingForManyAccountsIsThrottledForEveryAccount() {
    var scanner = client();
    for (int i = 0; i <= 100; i++) {
      assertThat(api(scanner, "someone-" + i, "password").status()).isEqualTo(401);
    }
    assertThat(api(scanner, USER, PASSWORD).status()).isEqualTo(401);
    assertThat(api(client(), USER, PASSWORD).status()).isEqualTo(200);
  }

  @Test
  void anAdministratorsUnlockLiftsTheThrottle() {
    var client = client();
    for (int i = 0; i < 6; i++) {
      api(client, USER, "guess-" + i);
    }
    assertThat(api(client, USER, PASSWORD).status()).isEqualTo(401);
    var unlock = client().post("/engine-rest/user/" + USER + "/unlock",
        Map.of("Authorization", FromAddress.basic("demo", "demo")), "application/json", "");
    assertThat(unlock.status()).as(unlock.body()).isEqualTo(204);
    assertThat(api(client, USER, PASSWORD).status()).isEqualTo(200);
  }
}

package jp.climatepdca.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import jp.climatepdca.testing.FromAddress;
import jp.climatepdca.testing.ProdProfileOnPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The prod profile behind docker/nginx/proxy.conf, as the proxy forwards a browser's request
 * (X-Forwarded-For, -Proto, -Host from the loopback address, which Tomcat trusts as an internal
 * proxy): https is what the application sees, plain http through the proxy is redirected, HSTS is
 * sent, the session cookie is Secure, HttpOnly and SameSite=Lax, and the client address the login
 * throttling counts is the browser's, not the proxy's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BehindTheProxyTest extends ProdProfileOnPostgres {

  private static final String SITE = "pdca.example.jp";

  @LocalServerPort
  int port;

  private FromAddress proxy() {
    return FromAddress.of("127.0.0.1", port);
  }

  /** What nginx adds to a browser's request that reached it over {@code scheme} from {@code client}. */
  private static Map<String, String> forwarded(String scheme, String client, String... more) {
    var headers = new LinkedHashMap<String, String>();
    headers.put("X-Forwarded-For", client);
    headers.put("X-Forwarded-Proto", scheme);
    headers.put("X-Forwarded-Host", SITE);
    for (int i = 0; i < more.length; i += 2) {
      headers.put(more[i], more[i + 1]);
    }
    return headers;
  }

  @Test
  void plainHttpThroughTheProxyIsRedirectedToHttps() {
    var redirected = proxy().get("/camunda/app/tasklist/" + ENGINE + "/?x=1", forwarded("http", "203.0.113.5"));
    assertThat(redirected.status()).isEqualTo(308);
    assertThat(redirected.header("Location")).isEqualTo("https://" + SITE + "/camunda/app/tasklist/" + ENGINE + "/?x=1");
    var post = proxy().post("/api/cycles", forwarded("http", "203.0.113.5"), "application/json", "{}");
    assertThat(post.status()).as("a POST keeps its method and body on the way (308)").isEqualTo(308);

    // a request straight to the node (a health check, an operator) has no proxy header and is served
    assertThat(proxy().get("/actuator/health/readiness", Map.of()).status()).isEqualTo(200);
  }

  @Test
  void httpsAnswersCarryHstsAndPlainHttpOnesDoNot() {
    for (var path : new String[] {"/camunda/app/tasklist/" + ENGINE + "/", "/api/municipalities", "/engine-rest/engine/" + ENGINE + "/user/count"}) {
      var https = proxy().get(path, forwarded("https", "203.0.113.6",
          "Authorization", FromAddress.basic(ADMIN, ADMIN_PASSWORD)));
      assertThat(https.status()).as(path).isEqualTo(200);
      assertThat(https.header("Strict-Transport-Security")).as(path).contains("max-age=31536000");
    }
    // on plain http a browser ignores it, and a node reached directly must not send it
    assertThat(proxy().get("/camunda/app/tasklist/" + ENGINE + "/", Map.of()).header("Strict-Transport-Security")).isNull();
  }

  @Test
  void theTasklistSessionCookieIsSecureHttpOnlyAndLax() {
    var browser = proxy();
    browser.get("/camunda/app/tasklist/" + ENGINE + "/", forwarded("https", "203.0.113.7"));
    var login = browser.post("/camunda/api/admin/auth/user/" + ENGINE + "/login/tasklist",
        forwarded("https", "203.0.113.7", "X-XSRF-TOKEN", browser.cookie("XSRF-TOKEN"), "Origin", "https://" + SITE),
        "application/x-www-form-urlencoded", "username=" + ADMIN + "&password="
            + URLEncoder.encode(ADMIN_PASSWORD, StandardCharsets.UTF_8));
    assertThat(login.status()).as(login.body()).isEqualTo(200);
    var session = login.headers().get("set-cookie").stream().filter(c -> c.startsWith("SESSION=")).findFirst()
        .orElseThrow();
    assertThat(session).contains("; Secure").contains("; HttpOnly").contains("; SameSite=Lax");
    assertThat(login.headers().get("set-cookie")).noneMatch(c -> c.startsWith("JSESSIONID="));
    // and the session holds: Tasklist knows who logged in
    var user = browser.get("/camunda/api/admin/auth/user/" + ENGINE, forwarded("https", "203.0.113.7"));
    assertThat(user.body()).contains("\"userId\":\"" + ADMIN + "\"");
  }

  @Test
  void theOriginCheckSeesTheSiteAsTheBrowserAddressedIt() {
    var admin = FromAddress.basic(ADMIN, ADMIN_PASSWORD);
    var own = proxy().post("/api/cycles", forwarded("https", "203.0.113.8", "Authorization", admin,
        "Origin", "https://" + SITE), "application/json", "{}");
    // past the origin check: the body is what is wrong
    assertThat(own.status()).as(own.body()).isEqualTo(400);
    var otherScheme = proxy().post("/api/cycles", forwarded("https", "203.0.113.8", "Authorization", admin,
        "Origin", "http://" + SITE), "application/json", "{}");
    assertThat(otherScheme.status()).isEqualTo(403);
  }

  @Test
  void theLoginThrottlingCountsTheBrowsersAddressNotTheProxys() {
    for (int i = 0; i < 4; i++) {
      assertThat(proxy().get("/api/municipalities", forwarded("https", "203.0.113.66",
          "Authorization", FromAddress.basic(ADMIN, "guess-" + i))).status()).isEqualTo(401);
    }
    var guesser = proxy().get("/api/municipalities", forwarded("https", "203.0.113.66",
        "Authorization", FromAddress.basic(ADMIN, ADMIN_PASSWORD)));
    assertThat(guesser.status()).as("the guesser's address is throttled").isEqualTo(401);
    var administrator = proxy().get("/api/municipalities", forwarded("https", "198.51.100.9",
        "Authorization", FromAddress.basic(ADMIN, ADMIN_PASSWORD)));
    assertThat(administrator.status()).as("the same proxy, another browser").isEqualTo(200);
  }
}

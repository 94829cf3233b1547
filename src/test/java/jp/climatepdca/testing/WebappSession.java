package jp.climatepdca.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * A browser's session with Camunda's webapps: it keeps cookies, logs in to Tasklist with the XSRF token
 * the page hands out, and sends the token back on every change, as Tasklist's own scripts do.
 */
public final class WebappSession {

  private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
  private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
  private final String base;
  private String origin;

  private WebappSession(int port) {
    this.base = "http://localhost:" + port + "/camunda";
  }

  /** From now on every POST names this origin, as a browser names the page that sends it. */
  public WebappSession from(String origin) {
    this.origin = origin;
    return this;
  }

  /** Opens Tasklist, logs in (password demo) and fetches the new session's token, as the browser does. */
  public static WebappSession logIn(int port, String user) throws IOException, InterruptedException {
    return logIn(port, user, "default");
  }

  /** The same with the process engine of that name (Tasklist's address names it). */
  public static WebappSession logIn(int port, String user, String engine) throws IOException, InterruptedException {
    var session = new WebappSession(port);
    session.get("/app/tasklist/" + engine + "/");
    var login = session.client.send(HttpRequest.newBuilder(URI.create(session.base
            + "/api/admin/auth/user/" + engine + "/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", session.xsrf())
        .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + Http.PASSWORD))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    // the login starts a new session, whose token the next GET hands out
    session.get("/api/admin/auth/user/" + engine);
    return session;
  }

  public HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return client.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A GET asking for the given media type (Tasklist opens a task as HAL). */
  public HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
    return client.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", accept).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A JSON POST, with or without the XSRF token. */
  public HttpResponse<String> post(String path, String json, boolean withToken)
      throws IOException, InterruptedException {
    return post(path, json, withToken, null);
  }

  /** A JSON POST with the token, asking for the given media type (Tasklist asks its task lists as HAL). */
  public HttpResponse<String> post(String path, String json, String accept) throws IOException, InterruptedException {
    return post(path, json, true, accept);
  }

  private HttpResponse<String> post(String path, String json, boolean withToken, String accept)
      throws IOException, InterruptedException {
    var request = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json");
    if (accept != null) {
      request.header("Accept", accept);
    }
    if (withToken) {
      request.header("X-XSRF-TOKEN", xsrf());
    }
    if (origin != null) {
      request.header("Origin", origin);
    }
    return client.send(request.POST(HttpRequest.BodyPublishers.ofString(json)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Any method and body with the token, as Tasklist's scripts send a change (PUT, DELETE, multipart). */
  public HttpResponse<String> send(String method, String path, String contentType, byte[] body)
      throws IOException, InterruptedException {
    return send(method, path, contentType, body, true);
  }

  /** The same with or without the token; the origin of {@link #from} too, if one was named. */
  public HttpResponse<String> send(String method, String path, String contentType, byte[] body, boolean withToken)
      throws IOException, InterruptedException {
    var request = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    if (withToken) {
      request.header("X-XSRF-TOKEN", xsrf());
    }
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (origin != null) {
      request.header("Origin", origin);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Every cookie of this session as one Cookie header, to present it to another node. */
  public String cookieHeader() {
    return String.join("; ", cookies.getCookieStore().getCookies().stream()
        .map(c -> c.getName() + "=" + c.getValue()).toList());
  }

  private String xsrf() {
    return cookies.getCookieStore().getCookies().stream().filter(c -> "XSRF-TOKEN".equals(c.getName()))
        .reduce((first, last) -> last).orElseThrow().getValue();
  }
}

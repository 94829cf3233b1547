package jp.climatepdca.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** HTTP calls to the running application as a given demo user (password demo), the way a client would. */
public final class Http {

  public static final String PASSWORD = "demo";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  // HTTP/1.1 explicitly: a body of unknown length then goes as Transfer-Encoding: chunked
  private static final HttpClient HTTP_1_1 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private final String base;
  private final String user;
  private final String password;
  private final String accept;
  private final java.util.Map<String, String> headers;

  private Http(String base, String user, String password) {
    this(base, user, password, "application/json", java.util.Map.of());
  }

  private Http(String base, String user, String password, String accept, java.util.Map<String, String> headers) {
    this.base = base;
    this.user = user;
    this.password = password;
    this.accept = accept;
    this.headers = headers;
  }

  /** The same user asking for another media type, as Tasklist asks /engine-rest for application/hal+json. */
  public Http accepting(String mediaType) {
    return new Http(base, user, password, mediaType, headers);
  }

  /** The same user sending a header with every request (Origin, Referer, X-Forwarded-*, as a browser or proxy would). */
  public Http with(String header, String value) {
    var more = new java.util.LinkedHashMap<>(headers);
    more.put(header, value);
    return new Http(base, user, password, accept, java.util.Map.copyOf(more));
  }

  /** The origin a browser names when it shows a page of this server. */
  public String origin() {
    return base;
  }

  public static Http as(int port, String user) {
    return as(port, user, PASSWORD);
  }

  /** A user with a password of the test's own (a user the test created, or a wrong password). */
  public static Http as(int port, String user, String password) {
    return new Http("http://localhost:" + port, user, password);
  }

  public static Http anonymous(int port) {
    return new Http("http://localhost:" + port, null, null);
  }

  public Response get(String path) {
    return send(request(path).GET());
  }

  public Response post(String path, Object body) {
    return postRaw(path, body instanceof String s ? s : write(body));
  }

  public Response postRaw(String path, String body) {
    return post(path, "application/json", body.getBytes(StandardCharsets.UTF_8));
  }

  public Response put(String path, Object body) {
    return send(request(path).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(write(body), StandardCharsets.UTF_8)));
  }

  public Response post(String path, String contentType, byte[] body) {
    return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  /** Any method and body, for the calls the helpers above do not cover (multipart, PUT, DELETE). */
  public Response send(String method, String path, String contentType, byte[] body) {
    var builder = request(path).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      builder.header("Content-Type", contentType);
    }
    return send(builder);
  }

  /** A GET whose answer is a file (an .xlsx): its bytes as sent, not decoded as text. */
  public Download download(String path) {
    try {
      var response = CLIENT.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Download(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
          response.headers().firstValue("Content-Disposition").orElse(""), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public record Download(int status, String contentType, String disposition, byte[] body) {}

  /** A POST whose body goes chunked, without Content-Length, as a streaming client sends it. */
  public Response postChunked(String path, String contentType, byte[] body) {
    return send(HTTP_1_1, request(path).header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body))));
  }

  private HttpRequest.Builder request(String path) {
    var builder = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", accept);
    headers.forEach(builder::header);
    if (user != null) {
      var token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
      builder.header("Authorization", "Basic " + token);
    }
    return builder;
  }

  private static Response send(HttpRequest.Builder builder) {
    return send(CLIENT, builder);
  }

  private static Response send(HttpClient client, HttpRequest.Builder builder) {
    try {
      var response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
          response.headers().firstValue("Location").orElse(null), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public record Response(int status, String contentType, String location, String body) {

    public JsonNode json() {
      try {
        return body == null || body.isEmpty() ? JSON.nullNode() : JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON (" + status + "): " + body, e);
      }
    }

    /** Asserts an RFC 9457 problem answer with this status whose body names every part (a field, a row, a reason). */
    public Response assertProblem(int expectedStatus, String... parts) {
      org.assertj.core.api.Assertions.assertThat(status).as(toString()).isEqualTo(expectedStatus);
      org.assertj.core.api.Assertions.assertThat(contentType).as(toString()).startsWith("application/problem+json");
      if (parts.length > 0) {
        org.assertj.core.api.Assertions.assertThat(body).contains(parts);
      }
      return this;
    }

    @Override
    public String toString() {
      return status + " " + contentType + " " + body;
    }
  }
}

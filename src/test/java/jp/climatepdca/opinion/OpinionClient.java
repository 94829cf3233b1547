package jp.climatepdca.opinion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** A citizen's browser without a browser: the page, the form post and the JSON, with every header kept. */
final class OpinionClient {

  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  private final String base;

  OpinionClient(int port) {
    this.base = "http://localhost:" + port;
  }

  HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html").GET());
  }

  HttpResponse<String> getJson(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json").GET());
  }

  HttpResponse<String> postForm(String path, Map<String, String> fields) {
    var body = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    return post(path, "application/x-www-form-urlencoded", body);
  }

  HttpResponse<String> post(String path, String contentType, String body) {
    var builder = HttpRequest.newBuilder(URI.create(base + path))
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (contentType != null) {
      builder.header("Content-Type", contentType);
    }
    return send(builder);
  }

  HttpResponse<String> send(String method, String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).method(method, HttpRequest.BodyPublishers.noBody()));
  }

  /** A form as a citizen fills it: a citizen's opinion on no measure, consent given. */
  static Map<String, String> form(String token, String body) {
    var fields = new LinkedHashMap<String, String>();
    fields.put("token", token);
    fields.put("website", "");
    fields.put("senderKind", "CITIZEN");
    fields.put("senderName", "");
    fields.put("senderContact", "");
    fields.put("measureCode", "");
    fields.put("body", body);
    fields.put("consent", "yes");
    return fields;
  }

  static Map<String, String> with(Map<String, String> form, String field, String value) {
    var changed = new LinkedHashMap<>(form);
    if (value == null) {
      changed.remove(field);
    } else {
      changed.put(field, value);
    }
    return changed;
  }

  private static HttpResponse<String> send(HttpRequest.Builder builder) {
    try {
      return CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}

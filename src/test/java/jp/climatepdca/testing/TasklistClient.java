package jp.climatepdca.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;

/**
 * A user working through /engine-rest the way Camunda Tasklist does: find the task, claim it, read the
 * form variables, submit the form.
 */
public final class TasklistClient {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Http http;
  private final String user;
  private final String engineRest;

  public TasklistClient(int port, String user) {
    this(port, user, "/engine-rest");
  }

  /** The same against the engine at this address ({@code /engine-rest/engine/<name>} for another engine). */
  public TasklistClient(int port, String user, String engineRest) {
    this.http = Http.as(port, user);
    this.user = user;
    this.engineRest = engineRest;
  }

  public String user() {
    return user;
  }

  /** The user's tasks of the process instance with this business key. */
  public JsonNode tasks(String businessKey) {
    var response = http.get(engineRest + "/task?processInstanceBusinessKey="
        + URLEncoder.encode(businessKey, StandardCharsets.UTF_8));
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json();
  }

  /** Waits until the user sees the task; returns its id. */
  public String await(String businessKey, String taskDefinitionKey) {
    return Awaitility.await(user + " waits for " + taskDefinitionKey + " of " + businessKey)
        .atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
        .until(() -> find(businessKey, taskDefinitionKey), found -> found != null);
  }

  /** Waits until the user sees the task, then claims it; returns its id. */
  public String claim(String businessKey, String taskDefinitionKey) {
    var id = await(businessKey, taskDefinitionKey);
    var claim = http.post(engineRest + "/task/" + id + "/claim", Map.of("userId", user));
    assertThat(claim.status()).as("claim " + claim).isEqualTo(204);
    return id;
  }

  private String find(String businessKey, String taskDefinitionKey) {
    for (var task : tasks(businessKey)) {
      if (task.path("taskDefinitionKey").asText().equals(taskDefinitionKey)) {
        return task.path("id").asText();
      }
    }
    return null;
  }

  /** What the form shows: name → value (JSON variables parsed); Tasklist asks for them serialized too. */
  public Map<String, JsonNode> form(String taskId) {
    var response = http.get(engineRest + "/task/" + taskId + "/form-variables?deserializeValues=false");
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    var values = new LinkedHashMap<String, JsonNode>();
    response.json().fields().forEachRemaining(e -> {
      var variable = e.getValue();
      values.put(e.getKey(), "Json".equals(variable.path("type").asText())
          ? parse(variable.path("value").asText()) : variable.path("value"));
    });
    return values;
  }

  /** Submits the form as Tasklist would: texts as String, lists as Json. */
  public Http.Response submit(String taskId, Map<String, Object> fields) {
    return submit(taskId, fields, "submit-form");
  }

  /** The same through another of Camunda's doors: {@code complete} takes the same body. */
  public Http.Response submit(String taskId, Map<String, Object> fields, String door) {
    var variables = new LinkedHashMap<String, Object>();
    fields.forEach((name, value) -> variables.put(name, value instanceof List<?> || value instanceof JsonNode
        ? Map.of("value", Http.write(value), "type", "Json")
        : value == null ? Map.of("type", "Null") : Map.of("value", value, "type", "String")));
    return http.post(engineRest + "/task/" + taskId + "/" + door, Map.of("variables", variables));
  }

  public void complete(String taskId, Map<String, Object> fields) {
    var response = submit(taskId, fields);
    assertThat(response.status()).as(user + " submits: " + response).isEqualTo(204);
  }

  /** The rows of a JSON list, as maps a test can change and submit. */
  @SuppressWarnings("unchecked")
  public static List<Map<String, Object>> rows(JsonNode list) {
    return JSON.convertValue(list, List.class);
  }

  private static JsonNode parse(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package jp.climatepdca.system;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * Form data on a task. What a form shows is set task-local when the task is created, so what the form
 * submits lands on the task, not in the process instance: process variables keep only references and
 * routing flags, and history keeps what was submitted.
 */
@Component
public class TaskVariables {

  private static final TypeReference<List<Map<String, Object>>> ROWS = new TypeReference<>() {};

  private final ObjectMapper mapper;
  private final IdentityService identity;

  TaskVariables(ObjectMapper mapper, IdentityService identity) {
    this.mapper = mapper;
    this.identity = identity;
  }

  /** Declares form fields on the task (null for an empty field) so the submission stays task-local. */
  public void declare(DelegateTask task, String... names) {
    for (var name : names) {
      task.setVariableLocal(name, null);
    }
  }

  public void putText(DelegateTask task, String name, String value) {
    task.setVariableLocal(name, Variables.stringValue(value));
  }

  /** A list of rows as a JSON (Spin) variable: what form-js dynamic lists and tables bind to. */
  public void putRows(DelegateTask task, String name, List<?> rows) {
    try {
      task.setVariableLocal(name, SpinValues.jsonValue(mapper.writeValueAsString(rows)).create());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write form rows " + name, e);
    }
  }

  public List<Map<String, Object>> rows(DelegateTask task, String name) {
    Object value;
    try {
      value = task.getVariableLocal(name);
    } catch (org.camunda.bpm.engine.ProcessEngineException e) {
      // a Json variable that is no JSON (or past the reading limits) fails as Spin reads it: the sender's mistake
      if (e.getMessage() == null || !e.getMessage().startsWith("Cannot deserialize object in variable")) {
        throw e;
      }
      throw new TaskInputException(List.of(name + ": 一覧の形式が正しくありません"));
    }
    if (value == null) {
      return List.of();
    }
    try {
      // decimals exactly as typed (an indicator's actual value), not rounded through double
      return mapper.readerFor(ROWS).with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readValue(value.toString());
    } catch (JsonProcessingException e) {
      throw new TaskInputException(List.of(name + ": 一覧の形式が正しくありません"));
    }
  }

  public Optional<String> text(DelegateTask task, String name) {
    var value = task.getVariableLocal(name);
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof String s)) {
      throw new TaskInputException(List.of(name + ": 文字列で入力してください"));
    }
    return s.isBlank() ? Optional.empty() : Optional.of(s.strip());
  }

  /** Who completes the task: the REST filter and the webapps set the engine's authentication. */
  public String currentUser(DelegateTask task) {
    var auth = identity.getCurrentAuthentication();
    if (auth != null && auth.getUserId() != null) {
      return auth.getUserId();
    }
    return task.getAssignee() != null ? task.getAssignee() : "system";
  }
}

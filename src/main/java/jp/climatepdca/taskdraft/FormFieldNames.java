package jp.climatepdca.taskdraft;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Set;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.springframework.stereotype.Component;

/**
 * The names a task's Camunda Form (form-js) sends at its top level when it is completed: the keys of its fields
 * and the paths of its groups and dynamic lists (whose fields are under them), from the form deployed with the
 * task's process. A draft holds only these: any other name would, once imported into the form, show in its
 * texts in place of the task's variable of that name (a department's name, a reviewer's comment).
 */
@Component
class FormFieldNames {

  private final FormService forms;
  private final ObjectMapper json;

  FormFieldNames(FormService forms, ObjectMapper json) {
    this.forms = forms;
    this.json = json;
  }

  /** Empty when the task has no deployed Camunda Form (nothing of ours then shows a draft). */
  Set<String> of(String taskId) {
    JsonNode schema;
    try (var form = forms.getDeployedTaskForm(taskId)) {
      schema = json.readTree(form);
    } catch (ProcessEngineException noDeployedForm) {
      return Set.of();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    var names = new LinkedHashSet<String>();
    collect(schema, names);
    return names;
  }

  private static void collect(JsonNode container, Set<String> names) {
    for (var component : container.path("components")) {
      var path = component.path("path").asText("");
      if (!path.isEmpty()) {
        names.add(first(path));
        continue;
      }
      var key = component.path("key").asText("");
      if (!key.isEmpty()) {
        names.add(first(key));
      }
      // a group without a path puts its fields at this level
      collect(component, names);
    }
  }

  private static String first(String path) {
    var dot = path.indexOf('.');
    return dot < 0 ? path : path.substring(0, dot);
  }
}

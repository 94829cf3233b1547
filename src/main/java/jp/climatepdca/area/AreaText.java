package jp.climatepdca.area;

import java.util.List;
import java.util.Map;
import jp.climatepdca.system.TaskVariables;
import org.camunda.bpm.engine.delegate.DelegateTask;

/** Text fields of the area's forms, each bounded by its field's length before it is stored. */
final class AreaText {

  static final int LONG = 8000;
  static final int NOTE = 4000;

  private AreaText() {}

  static String required(TaskVariables variables, DelegateTask task, String name, String label, int max,
      List<String> errors) {
    var value = optional(variables, task, name, label, max, errors);
    if (value == null) {
      errors.add(label + "を入力してください");
    }
    return value;
  }

  static String optional(TaskVariables variables, DelegateTask task, String name, String label, int max,
      List<String> errors) {
    var value = variables.text(task, name).orElse(null);
    return bounded(value, label, max, errors);
  }

  /** A checkbox: form-js submits a Boolean; a hand-made request may send the text "true". */
  static boolean checked(DelegateTask task, String name) {
    var value = task.getVariableLocal(name);
    return Boolean.TRUE.equals(value) || "true".equals(value);
  }

  /** A text cell of a dynamic list's row, stripped; null when empty. */
  static String cell(Map<String, Object> row, String key, String label, int max, List<String> errors) {
    var value = row.get(key) instanceof String s && !s.isBlank() ? s.strip() : null;
    if (row.get(key) != null && !(row.get(key) instanceof String)) {
      errors.add(label + ": 文字列で入力してください");
      return null;
    }
    return bounded(value, label, max, errors);
  }

  private static String bounded(String value, String label, int max, List<String> errors) {
    if (value != null && value.length() > max) {
      errors.add(label + "は" + max + "文字以内で入力してください（" + value.length() + "文字）");
      return null;
    }
    return value;
  }
}

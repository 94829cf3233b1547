package jp.climatepdca.area;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import jp.climatepdca.system.Quoted;
import jp.climatepdca.system.TaskVariables;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The staff meeting forms' fields beyond texts and rows (TaskVariables): days (form-js date fields submit
 * {@code 2026-05-10}), check boxes and a checklist's values. Each reader adds a Japanese message naming the
 * field's label instead of throwing, so the person sees every problem at once.
 */
@Component
class FormFields {

  private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

  private final TaskVariables variables;
  private final ObjectMapper mapper;

  FormFields(TaskVariables variables, ObjectMapper mapper) {
    this.variables = variables;
    this.mapper = mapper;
  }

  TaskVariables variables() {
    return variables;
  }

  /** A text of at most {@code max} characters, stripped; null when empty (then an error if required). */
  String text(DelegateTask task, String name, String label, int max, boolean required, List<String> errors) {
    var value = variables.text(task, name).orElse(null);
    if (value == null) {
      if (required) {
        errors.add(label + "を入力してください");
      }
    } else if (value.length() > max) {
      errors.add(label + "は" + max + "文字以内で入力してください（" + value.length() + "文字）");
    }
    return value;
  }

  LocalDate day(DelegateTask task, String name, String label, boolean required, List<String> errors) {
    var text = variables.text(task, name).orElse(null);
    if (text == null) {
      if (required) {
        errors.add(label + "を入力してください");
      }
      return null;
    }
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      errors.add(label + "は日付（例：2026-05-10）で入力してください（" + Quoted.cut(text) + "）");
      return null;
    }
  }

  boolean checked(DelegateTask task, String name) {
    var value = task.getVariableLocal(name);
    return value instanceof Boolean b ? b : value instanceof String s && Boolean.parseBoolean(s.strip());
  }

  /** A checklist's chosen values, a JSON list of strings. */
  List<String> values(DelegateTask task, String name, String label, List<String> errors) {
    var value = task.getVariableLocal(name);
    if (value == null) {
      return List.of();
    }
    try {
      var list = mapper.readValue(value.toString(), List.class);
      var result = new ArrayList<String>();
      for (var item : list) {
        if (!(item instanceof String s)) {
          errors.add(label + "の形式が正しくありません");
          return List.of();
        }
        result.add(s);
      }
      return result;
    } catch (JsonProcessingException e) {
      errors.add(label + "の形式が正しくありません");
      return List.of();
    }
  }

  /** A text inside a row of a dynamic list. */
  static String text(Map<String, Object> row, String key) {
    return row.get(key) instanceof String s && !s.isBlank() ? s.strip() : null;
  }

  static boolean checked(Map<String, Object> row, String key) {
    return Boolean.TRUE.equals(row.get(key)) || "true".equals(row.get(key));
  }

  /** A task's due date from a day: the end of that working day in Japan. */
  static Date due(LocalDate day) {
    return day == null ? null : Date.from(day.atTime(17, 0).atZone(JAPAN).toInstant());
  }
}

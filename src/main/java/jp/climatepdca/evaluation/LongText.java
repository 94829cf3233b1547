package jp.climatepdca.evaluation;

import java.util.List;
import jp.climatepdca.system.TaskVariables;
import org.camunda.bpm.engine.delegate.DelegateTask;

/** A required long text field of a Check form (summary, evaluation, minutes). */
final class LongText {

  static final int MAX = 8000;

  private LongText() {}

  static String required(TaskVariables variables, DelegateTask task, String name, String label, List<String> errors) {
    var value = variables.text(task, name).orElse(null);
    if (value == null) {
      errors.add(label + "を入力してください");
    } else if (value.length() > MAX) {
      errors.add(label + "は" + MAX + "文字以内で入力してください（" + value.length() + "文字）");
    }
    return value;
  }
}

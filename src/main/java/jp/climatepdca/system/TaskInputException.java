package jp.climatepdca.system;

import java.util.List;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A form a person submitted does not hold up. Thrown from a task listener while the task completes:
 * the engine's transaction rolls back (nothing half-saved) and Camunda's REST layer answers 400 with
 * this message for a form-validation failure, which Tasklist shows under the form.
 */
public class TaskInputException extends FormFieldValidationException {

  private final List<String> errors;

  public TaskInputException(List<String> errors) {
    super("form", "入力内容を確認してください: " + String.join(" / ", errors));
    this.errors = List.copyOf(errors);
  }

  public List<String> errors() {
    return errors;
  }
}

package jp.climatepdca.system;

import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A form a person submitted does not hold up. Thrown from a task listener while the task completes:
 * the engine's transaction rolls back (nothing half-saved) and the person gets 400 with this message,
 * which Tasklist shows under the form. A bad request of the user's in the engine's public terms; that
 * Camunda's REST layer answers it with 400 on submit-form and complete too (where it answers 400 only for
 * its internal form-validation exception) is the engine package's hook, TaskInputUnwrapping.
 */
public class TaskInputException extends BadUserRequestException {

  private final List<String> errors;

  public TaskInputException(List<String> errors) {
    super("入力内容を確認してください: " + String.join(" / ", errors));
    this.errors = List.copyOf(errors);
  }

  public List<String> errors() {
    return errors;
  }
}

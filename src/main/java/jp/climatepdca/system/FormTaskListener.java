package jp.climatepdca.system;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * The listener behind a form task of a cycle: when the task is created it loads what the form shows into
 * task variables; when it completes it checks and writes what the person submitted, inside the engine's
 * transaction, so a refused form leaves nothing half-saved. The BPMN registers it for both events.
 */
public abstract class FormTaskListener implements TaskListener {

  @Override
  public final void notify(DelegateTask task) {
    var cycle = CycleReference.of(task);
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      onCreate(task, cycle);
    } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      onComplete(task, cycle);
    }
  }

  /** Puts what the form shows into the task's variables. */
  protected abstract void onCreate(DelegateTask task, CycleReference cycle);

  /** Checks what was submitted ({@link #refuseIfAny}) and writes it into the domain. */
  protected abstract void onComplete(DelegateTask task, CycleReference cycle);

  /** Refuses the submission, naming every problem found at once rather than only the first. */
  protected static void refuseIfAny(List<String> errors) {
    if (!errors.isEmpty()) {
      throw new TaskInputException(errors);
    }
  }
}

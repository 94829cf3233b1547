package jp.climatepdca.engine;

import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Runs each {@link Listener} bean when any user task of any deployed process is created or updated, after the
 * task's own listeners of the BPMN, and when it ends (completed or deleted: taskdraft.TaskDrafts removes the
 * task's draft), without a line in the BPMN files: the due and follow-up dates every task gets from the server
 * (deadline.TaskDueDates, docs/deadlines.md) and the dates of its reminder timers ({@link TimeoutListenerDates},
 * docs/reminders.md) must not depend on each diagram remembering a listener, nor on a value a diagram's
 * expression reads from a variable. One hook for all, so that the engine's user tasks are parsed by one
 * listener and the order of the beans (the due date first) is the order they run in.
 *
 * <p>The hook: a BPMN parse listener after Camunda's own ({@code customPostBPMNParseListeners}) adds one task
 * listener for the create and the update event to the {@code TaskDefinition} of every user task's
 * {@link UserTaskActivityBehavior}. Both are the engine's implementation, not its API; a user task whose
 * behaviour is no longer that class stops the deployment with {@link EngineHookMismatch}, so no task is created
 * without its dates. The listener beans are looked up when a task is created, not when the engine is built
 * (they need services that need the engine). At {@code postInit} the listener must still be among the
 * engine's; {@code EveryUserTaskTest} feeds it both forms.
 */
@Component
public class EveryUserTask extends AbstractProcessEnginePlugin {

  /** A bean the hook calls on every user task's create and update events, in the beans' order. */
  public interface Listener {
    void created(DelegateTask task);

    /** The task changed after its creation (its due date, assignee, …); most listeners need only the creation. */
    default void updated(DelegateTask task) {
    }

    /**
     * The task ends: it is completed, or deleted with its process or by an interrupting event (the engine's
     * complete or delete event). Runs in the engine's transaction, also where listeners are skipped
     * ({@code skipCustomListeners}: a process cancelled from Cockpit), since the hook registers it as one of the
     * engine's built-in listeners.
     */
    default void ended(DelegateTask task) {}
  }

  private final ObjectProvider<Listener> listeners;

  EveryUserTask(ObjectProvider<Listener> listeners) {
    this.listeners = listeners;
  }

  private Parse parse;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    parse = new Parse(this::dispatch, this::ended);
    configuration.getCustomPostBPMNParseListeners().add(parse);
  }

  /** The engine's BPMN parser must have taken the parse listener (a plugin run later could have replaced the list). */
  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (parse == null || configuration.getCustomPostBPMNParseListeners() == null
        || !configuration.getCustomPostBPMNParseListeners().contains(parse)) {
      throw new EngineHookMismatch(EveryUserTask.class, "the BPMN parse listener is not among the engine's"
          + " post-parse listeners: user tasks would be created without their due dates and reminder dates");
    }
  }

  private void dispatch(DelegateTask task) {
    if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
      listeners.orderedStream().forEach(listener -> listener.created(task));
    } else if (TaskListener.EVENTNAME_UPDATE.equals(task.getEventName())) {
      listeners.orderedStream().forEach(listener -> listener.updated(task));
    }
  }

  private void ended(DelegateTask task) {
    listeners.orderedStream().forEach(listener -> listener.ended(task));
  }

  /**
   * Adds the hook's listeners to every user task as the engine parses a process: one on create and update (a
   * custom listener, after the diagram's own), one built-in on complete and delete.
   */
  static final class Parse extends AbstractBpmnParseListener {

    private final TaskListener listener;
    private final TaskListener ended;

    Parse(TaskListener listener, TaskListener ended) {
      this.listener = listener;
      this.ended = ended;
    }

    @Override
    public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
      if (!(activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior)) {
        throw new EngineHookMismatch(EveryUserTask.class, "the user task " + activity.getId()
            + " is run by " + activity.getActivityBehavior().getClass().getName() + ", not UserTaskActivityBehavior");
      }
      behavior.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_CREATE, listener);
      behavior.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_UPDATE, listener);
      behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, ended);
      behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_DELETE, ended);
    }
  }
}

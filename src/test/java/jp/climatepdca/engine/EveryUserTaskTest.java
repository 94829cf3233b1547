package jp.climatepdca.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.NoneEndEventActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.task.TaskDecorator;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.junit.jupiter.api.Test;

/**
 * The hook's two forms: a user task run by Camunda's UserTaskActivityBehavior gets the listener after its own
 * create and update listeners; one run by anything else stops the deployment, so no task would go without its
 * dates. DeadlinesTest and TaskRemindersTest show the listener at work on deployed processes.
 */
class EveryUserTaskTest {

  private final TaskListener listener = task -> { };
  private final TaskListener ended = task -> { };

  @Test
  void aUserTaskGetsTheListenerAfterItsOwnOnCreateAndUpdate() {
    var definition = new TaskDefinition(null);
    TaskListener own = task -> { };
    definition.addTaskListener(TaskListener.EVENTNAME_CREATE, own);
    definition.addTaskListener(TaskListener.EVENTNAME_UPDATE, own);
    var activity = new ActivityImpl("Task_Entry", null);
    activity.setActivityBehavior(new UserTaskActivityBehavior(new TaskDecorator(definition, null)));
    new EveryUserTask.Parse(listener, ended).parseUserTask(null, null, activity);
    assertThat(definition.getTaskListeners().get(TaskListener.EVENTNAME_CREATE)).containsExactly(own, listener);
    assertThat(definition.getTaskListeners().get(TaskListener.EVENTNAME_UPDATE)).containsExactly(own, listener);
    assertThat(definition.getTaskListeners().get(TaskListener.EVENTNAME_COMPLETE)).isNullOrEmpty();
  }

  /** Built in: the engine runs them also where it skips the diagrams' listeners (a process cancelled from Cockpit). */
  @Test
  void aUserTaskGetsTheEndListenerBuiltInOnCompleteAndDelete() {
    var definition = new TaskDefinition(null);
    var activity = new ActivityImpl("Task_Entry", null);
    activity.setActivityBehavior(new UserTaskActivityBehavior(new TaskDecorator(definition, null)));
    new EveryUserTask.Parse(listener, ended).parseUserTask(null, null, activity);
    assertThat(definition.getBuiltinTaskListenersForEvent(TaskListener.EVENTNAME_COMPLETE)).containsExactly(ended);
    assertThat(definition.getBuiltinTaskListenersForEvent(TaskListener.EVENTNAME_DELETE)).containsExactly(ended);
    assertThat(definition.getBuiltinTaskListenersForEvent(TaskListener.EVENTNAME_CREATE)).isNullOrEmpty();
  }

  @Test
  void aUserTaskRunByAnotherBehaviourStopsTheDeployment() {
    var activity = new ActivityImpl("Task_Entry", null);
    activity.setActivityBehavior(new NoneEndEventActivityBehavior());
    assertThatThrownBy(() -> new EveryUserTask.Parse(listener, ended).parseUserTask(null, null, activity))
        .isInstanceOf(EngineHookMismatch.class).hasMessageContaining("Task_Entry")
        .hasMessageContaining("NoneEndEventActivityBehavior");
  }
}

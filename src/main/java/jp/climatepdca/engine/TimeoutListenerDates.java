package jp.climatepdca.engine;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.jobexecutor.TimerEventJobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.TimerTaskListenerJobHandler;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Sets the dates of a user task's timeout listeners (the reminder timers of docs/reminders.md) from the task
 * itself, once it exists, and again whenever it changes: a listener of {@link EveryUserTask}, on its create and
 * update events, run last so that the due date the server sets at creation is already there.
 *
 * <p>Why: the engine creates a timeout listener's timer when it enters the task's scope, before the task exists
 * ({@code PvmExecutionImpl.enterActivityInstance} → {@code initializeTimerDeclarations}, then the activity's
 * behaviour creates the task and fires {@code create}); the timer's expression is evaluated then, against the
 * scope execution, and sees neither the task nor the due date the server computes for it at creation. So the
 * BPMN gives these timers a date that never comes, and this listener hands the task to the {@link Policy},
 * whose dates are written into the timer jobs. At creation the jobs are not yet in the database: they are found
 * in the scope execution's job list (where {@code JobEntity.setExecution} put them), and written with their new
 * date in the same flush; later they are read from the database through the same list.
 *
 * <p>What it relies on beyond {@link EveryUserTask}'s own check, checked once the application is ready
 * ({@link EngineHookMismatch} otherwise): the job handler type of timeout listeners and the form of their
 * configuration ({@code <task id>$taskListener~<listener id>}).
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
public class TimeoutListenerDates implements EveryUserTask.Listener {

  /** The dates of one task's timeout listeners, by listener id; a listener not named keeps its date. */
  public interface Policy {
    Map<String, Date> datesOf(DelegateTask task);
  }

  private final ObjectProvider<Policy> policy;

  TimeoutListenerDates(ObjectProvider<Policy> policy) {
    this.policy = policy;
  }

  @Override
  public void created(DelegateTask task) {
    follow(task);
  }

  @Override
  public void updated(DelegateTask task) {
    follow(task);
  }

  /** The configuration the engine gives a timeout listener's job is still the one {@link #configuration} builds. */
  @EventListener(ApplicationReadyEvent.class)
  void verify() {
    check(TimerTaskListenerJobHandler.TYPE, new TimerTaskListenerJobHandler().newConfiguration(
        configuration("Task_Probe", "Listener_Probe")));
  }

  static void check(String handlerType, TimerEventJobHandler.TimerJobConfiguration parsed) {
    if (!"timer-task-listener".equals(handlerType) || !"Task_Probe".equals(parsed.getTimerElementKey())
        || !"Listener_Probe".equals(parsed.getTimerElementSecondaryKey())) {
      throw new EngineHookMismatch(TimeoutListenerDates.class, "a timeout listener's job is now of type "
          + handlerType + " with a configuration read as " + parsed.getTimerElementKey() + " / "
          + parsed.getTimerElementSecondaryKey() + ", so reminder timers would not be found");
    }
  }

  static String configuration(String taskId, String listenerId) {
    return taskId + TimerEventJobHandler.JOB_HANDLER_CONFIG_PROPERTY_DELIMITER
        + TimerEventJobHandler.JOB_HANDLER_CONFIG_TASK_LISTENER_PREFIX + listenerId;
  }

  private void follow(DelegateTask task) {
    var current = policy.getIfAvailable();
    if (current == null || !(task.getExecution() instanceof ExecutionEntity execution)) {
      return;
    }
    var timers = timeoutJobs(execution, task.getTaskDefinitionKey());
    if (timers.isEmpty()) {
      return; // a task without timeout listeners
    }
    var dates = current.datesOf(task);
    for (var timer : timers) {
      var listener = timer.getJobHandlerConfigurationRaw()
          .substring(configuration(task.getTaskDefinitionKey(), "").length());
      var date = dates.get(listener);
      if (date != null && !date.equals(timer.getDuedate())) {
        timer.setDuedate(date);
      }
    }
  }

  private static List<TimerEntity> timeoutJobs(ExecutionEntity execution, String taskId) {
    var prefix = configuration(taskId, "");
    var timers = new ArrayList<TimerEntity>();
    for (var job : execution.getJobs()) {
      if (job instanceof TimerEntity timer && TimerTaskListenerJobHandler.TYPE.equals(timer.getJobHandlerType())
          && timer.getJobHandlerConfigurationRaw() != null
          && timer.getJobHandlerConfigurationRaw().startsWith(prefix)) {
        timers.add(timer);
      }
    }
    return timers;
  }
}

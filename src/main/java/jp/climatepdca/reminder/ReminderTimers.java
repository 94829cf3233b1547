package jp.climatepdca.reminder;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import jp.climatepdca.deadline.TaskDueDates;
import jp.climatepdca.engine.TaskTimeoutDates;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The dates of a task's four reminder timers, from its due date, when the task is created and whenever it
 * changes (a due date moved in Tasklist moves the reminders still to come). A reminder already overtaken
 * by the next one (a task created or moved late: the next one's date has passed) never comes, so a task
 * created after its due date gets the escalation that applies, not every reminder at once; so does a task
 * without a due date, or any task while reminders are off.
 */
@Component
class ReminderTimers implements TaskTimeoutDates.Policy {

  /** The date that never comes: the BPMN's own date of every reminder timer, 9999-12-31T00:00:00. */
  static final Date NEVER = Date.from(Instant.parse("9999-12-31T00:00:00Z"));

  private final ReminderDates dates;
  private final ReminderSwitch reminders;
  private final TaskDueDates dueDates;
  private volatile Clock clock = Clock.systemUTC();

  ReminderTimers(ReminderDates dates, ReminderSwitch reminders, TaskDueDates dueDates) {
    this.dates = dates;
    this.reminders = reminders;
    this.dueDates = dueDates;
  }

  @Override
  public Map<String, Date> datesOf(DelegateTask task) {
    var result = new HashMap<String, Date>();
    for (var kind : ReminderKind.values()) {
      result.put(kind.listenerId, NEVER);
    }
    // at creation the due date the server sets (TaskDueDates, whose create listener may run before or after
    // this one: both are added to every user task by parse listeners of their own); later the task's own, which
    // a person may have changed in Tasklist
    var due = TaskListener.EVENTNAME_CREATE.equals(task.getEventName()) ? dueDates.dueDate(task) : task.getDueDate();
    if (!reminders.on() || due == null) {
      return result;
    }
    var schedule = dates.of(due);
    var now = Date.from(clock.instant());
    for (var kind : ReminderKind.values()) {
      var next = kind.next();
      if (next == null || schedule.get(next).after(now)) {
        result.put(kind.listenerId, schedule.get(kind));
      }
    }
    return result;
  }

  /** Whether the next reminder has come too (the timer ran late, the system was down): then this one is moot. */
  boolean overtaken(ReminderKind kind, Date due) {
    var next = kind.next();
    return next != null && due != null && !dates.of(due).get(next).after(Date.from(clock.instant()));
  }

  void useClock(Clock clock) {
    this.clock = clock;
  }
}

package jp.climatepdca.reminder;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import jp.climatepdca.deadline.TaskDueDates;
import jp.climatepdca.engine.TimeoutListenerDates;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The dates of a task's four reminder timers, set when the task is created and again whenever it changes.
 *
 * <p>Counted from two due dates. The reminders before and on the due date follow the task's own due date, which
 * a person can move in Tasklist (whoever may update the task: its candidates too): they are the people's own
 * reminders. The escalations follow the due date the server computed for the task (TaskDueDates), which nobody
 * can move: a department's staff who push their due date back in Tasklist do not push back the mail to their
 * head and the secretariat (an extension the secretariat grants is not modelled; docs/reminders.md).
 *
 * <p>A reminder already overtaken by the next one (a task created or moved late: the next one's date has passed)
 * never comes, so a task created after its due date gets the escalation that applies, not every reminder at
 * once; nor does anything come while reminders are off.
 */
@Component
class ReminderTimers implements TimeoutListenerDates.Policy {

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
    if (!reminders.on()) {
      return result;
    }
    var schedule = schedule(task);
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
  boolean overtaken(ReminderKind kind, DelegateTask task) {
    var next = kind.next();
    return next != null && !schedule(task).get(next).after(Date.from(clock.instant()));
  }

  /** The due date the reminder of this kind is counted from (and names in its mail). */
  Date dueFor(ReminderKind kind, DelegateTask task) {
    return kind.escalation() ? dueDates.dueDate(task) : own(task);
  }

  private Map<ReminderKind, Date> schedule(DelegateTask task) {
    var own = dates.of(own(task));
    var server = dates.of(dueDates.dueDate(task));
    var schedule = new EnumMap<ReminderKind, Date>(ReminderKind.class);
    for (var kind : ReminderKind.values()) {
      schedule.put(kind, (kind.escalation() ? server : own).get(kind));
    }
    return schedule;
  }

  /**
   * The task's own due date; at creation the one the server sets (TaskDueDates runs before the timers are dated,
   * both listeners of engine.EveryUserTask, but the date is asked of it again rather than of the task, so that
   * the dates never hang on that order), or none left.
   */
  private Date own(DelegateTask task) {
    if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName()) || task.getDueDate() == null) {
      return dueDates.dueDate(task);
    }
    return task.getDueDate();
  }

  void useClock(Clock clock) {
    this.clock = clock;
  }
}

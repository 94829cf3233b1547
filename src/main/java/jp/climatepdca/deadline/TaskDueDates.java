package jp.climatepdca.deadline;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.Optional;
import jp.climatepdca.area.AreaStaffMeetingProcess;
import jp.climatepdca.area.AreaStaffMeetingService;
import jp.climatepdca.calendar.BusinessCalendar;
import jp.climatepdca.cycle.CycleSchedule;
import jp.climatepdca.engine.EveryUserTask;
import jp.climatepdca.publication.AnnualReportPublicationProcess;
import jp.climatepdca.system.CycleReference;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The due date (期限) and follow-up date (フォローアップ日) of every user task of every process (bean
 * {@code taskDueDates}, docs/deadlines.md), set when the task is created (engine.EveryUserTask) over whatever
 * the diagram's {@code camunda:dueDate} said. Computed on the server only: the municipality (or area) and
 * fiscal year from the business key, the day from the cycle's schedule as it took it at its start
 * ({@link CycleSchedule#day}, cycle_governance), moved to the next business day when it falls on a weekend, a
 * national holiday or the year-end closure (as 行政機関の休日に関する法律 第2条 moves a deadline); a staff meeting's
 * record and a working group's report are due on the day the area's staff entered (our tables); due at 17:00
 * Japan time, followed up at 09:00 a configured number of business days before. Never from a variable.
 * {@link #dueDate} and {@link #followUpDate} give the same dates again for a task (reminders use them).
 * First of EveryUserTask's listeners, so that those after it (the reminder timers' dates) see the due date.
 */
@Component("taskDueDates")
@Order(0)
@EnableConfigurationProperties(DeadlineProperties.class)
public class TaskDueDates implements EveryUserTask.Listener {

  static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
  static final LocalTime DUE_AT = LocalTime.of(17, 0);
  static final LocalTime FOLLOW_UP_AT = LocalTime.of(9, 0);

  private final CycleSchedule schedule;
  private final BusinessCalendar calendar;
  private final AreaStaffMeetingService staffMeetings;
  private final DeadlineProperties properties;

  TaskDueDates(CycleSchedule schedule, BusinessCalendar calendar, AreaStaffMeetingService staffMeetings,
      DeadlineProperties properties) {
    this.schedule = schedule;
    this.calendar = calendar;
    this.staffMeetings = staffMeetings;
    this.properties = properties;
  }

  @Override
  public void created(DelegateTask task) {
    var due = dueDay(task);
    task.setDueDate(at(due, DUE_AT));
    task.setFollowUpDate(at(followUpDay(due), FOLLOW_UP_AT));
  }

  /** What {@link #created} sets as the task's due date: 17:00 Japan time on a business day. */
  public Date dueDate(DelegateTask task) {
    return at(dueDay(task), DUE_AT);
  }

  /** What {@link #created} sets as the task's follow-up date: 09:00 of the business day so many before. */
  public Date followUpDate(DelegateTask task) {
    return at(followUpDay(dueDay(task)), FOLLOW_UP_AT);
  }

  LocalDate dueDay(DelegateTask task) {
    var process = processKey(task);
    if (AreaStaffMeetingProcess.KEY.equals(process) && task.getExecution() != null) {
      // the day the area's staff chose (a meeting may be held on a Saturday), as they entered it
      var chosen = staffMeetings.dueDay(task.getExecution().getProcessBusinessKey(), task.getTaskDefinitionKey());
      if (chosen.isPresent()) {
        return chosen.get();
      }
    }
    return scheduledDay(process, task).map(calendar::onOrAfter).orElseGet(
        () -> calendar.plusBusinessDays(createdOn(task), properties.unscheduledBusinessDays()));
  }

  LocalDate followUpDay(LocalDate due) {
    return calendar.plusBusinessDays(due, -properties.followUpBusinessDays());
  }

  private Optional<LocalDate> scheduledDay(String process, DelegateTask task) {
    var execution = task.getExecution();
    if (process == null || execution == null) {
      return Optional.empty();
    }
    if (AnnualReportPublicationProcess.KEY.equals(process) && execution.getProcessInstance().getSuperExecution() == null) {
      return Optional.empty(); // a correction of a published report, started on its own long after the year's date
    }
    return TaskSteps.of(process, task.getTaskDefinitionKey()).flatMap(step -> cycle(task)
        .map(cycle -> schedule.day(cycle.municipality(), cycle.fiscalYear(), step)));
  }

  /** The business key's municipality (or area) and year; none for an instance that is no cycle's. */
  private static Optional<CycleReference> cycle(DelegateTask task) {
    try {
      return Optional.of(CycleReference.of(task));
    } catch (IllegalStateException notACycle) {
      return Optional.empty();
    }
  }

  private static String processKey(DelegateTask task) {
    ModelElementInstance element = task.getBpmnModelElementInstance();
    while (element != null && !(element instanceof Process)) {
      element = element.getParentElement();
    }
    return element == null ? null : ((Process) element).getId();
  }

  private static LocalDate createdOn(DelegateTask task) {
    return task.getCreateTime() == null ? LocalDate.now(JAPAN)
        : task.getCreateTime().toInstant().atZone(JAPAN).toLocalDate();
  }

  private static Date at(LocalDate day, LocalTime time) {
    return Date.from(day.atTime(time).atZone(JAPAN).toInstant());
  }
}

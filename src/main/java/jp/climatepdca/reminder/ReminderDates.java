package jp.climatepdca.reminder;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.EnumMap;
import java.util.Map;
import jp.climatepdca.calendar.BusinessCalendar;
import org.springframework.stereotype.Component;

/** The day and hour of each reminder of a task due on a given date, in business days (docs/reminders.md). */
@Component
class ReminderDates {

  private final BusinessCalendar calendar;
  private final ReminderSettings settings;

  ReminderDates(BusinessCalendar calendar, ReminderSettings settings) {
    this.calendar = calendar;
    this.settings = settings;
  }

  Map<ReminderKind, Date> of(Date due) {
    return of(dueDay(due));
  }

  /** The due date as the office reads it: the day of the due instant in the reminders' zone. */
  LocalDate dueDay(Date due) {
    return due.toInstant().atZone(settings.zone()).toLocalDate();
  }

  Map<ReminderKind, Date> of(LocalDate due) {
    var dates = new EnumMap<ReminderKind, Date>(ReminderKind.class);
    dates.put(ReminderKind.BEFORE_DUE, at(calendar.plusBusinessDays(due, -settings.daysBefore())));
    // a due date on a holiday is reminded of on the business day before it, not after it has passed
    dates.put(ReminderKind.ON_DUE, at(calendar.onOrBefore(due)));
    var overdue = calendar.plusBusinessDays(due, settings.escalationAfter());
    dates.put(ReminderKind.OVERDUE, at(overdue));
    dates.put(ReminderKind.OVERDUE_AGAIN, at(calendar.plusBusinessDays(overdue, settings.secretariatAfter())));
    return dates;
  }

  private Date at(LocalDate day) {
    return Date.from(day.atTime(settings.sendAt()).atZone(settings.zone()).toInstant());
  }

  ZoneId zone() {
    return settings.zone();
  }
}

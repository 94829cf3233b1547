package jp.climatepdca.cycle;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * Japanese business days (営業日) for a schedule step written as "n business days after another": Saturdays
 * and Sundays are not counted. National holidays are not known to the project (no holiday list exists),
 * so a step that falls after a holiday comes a day early; docs/governance.md says so.
 */
final class BusinessDays {

  private BusinessDays() {}

  /** {@code days} business days after {@code from}; 0: {@code from} itself, moved to a weekday. */
  static LocalDate after(LocalDate from, int days) {
    var day = from;
    while (isWeekend(day)) {
      day = day.plusDays(1);
    }
    for (int i = 0; i < days; i++) {
      day = day.plusDays(1);
      while (isWeekend(day)) {
        day = day.plusDays(1);
      }
    }
    return day;
  }

  private static boolean isWeekend(LocalDate day) {
    return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
  }
}

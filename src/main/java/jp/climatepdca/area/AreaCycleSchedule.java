package jp.climatepdca.area;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * The deadlines of area-cycle.bpmn (bean {@code areaCycleSchedule}): the members hand in their result by the
 * area's {@code resultDeadline} (MM-DD, a day of the fiscal year April to March) or by the new deadline the
 * secretariat set when it reminded a late member. The deadline day counts: the timer fires the next morning
 * at 09:00 Japan time, when the secretariat finds the late member among its tasks.
 */
@Component("areaCycleSchedule")
public class AreaCycleSchedule {

  static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
  private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MM-dd");

  private final AreaPlanService areas;
  private final AreaCycleMemberRepository members;

  AreaCycleSchedule(AreaPlanService areas, AreaCycleMemberRepository members) {
    this.areas = areas;
    this.members = members;
  }

  /** Event_ResultDeadline. */
  public Date resultDeadline(String area, int fiscalYear) {
    return timerFor(deadline(area, fiscalYear));
  }

  /** Event_ReminderDeadline: the new deadline of the member's reminder. */
  public Date reminderDeadline(String area, int fiscalYear, String member) {
    return timerFor(memberDeadline(area, fiscalYear, member));
  }

  /** The area's deadline day in the fiscal year. */
  LocalDate deadline(String area, int fiscalYear) {
    var view = areas.find(area).orElseThrow(() -> new IllegalStateException("no area " + area));
    var monthDay = MonthDay.parse(view.resultDeadline(), MONTH_DAY);
    return monthDay.atYear(monthDay.getMonthValue() >= 4 ? fiscalYear : fiscalYear + 1);
  }

  /** The member's deadline: the reminder's if it was reminded, else the area's. */
  LocalDate memberDeadline(String area, int fiscalYear, String member) {
    return members.findByAreaCodeAndFiscalYearAndMunicipalityCode(area, fiscalYear, member)
        .map(AreaCycleMember::reminderDeadline)
        .orElseGet(() -> deadline(area, fiscalYear));
  }

  static LocalDate today() {
    return LocalDate.now(JAPAN);
  }

  private static Date timerFor(LocalDate deadline) {
    return Date.from(deadline.plusDays(1).atTime(9, 0).atZone(JAPAN).toInstant());
  }
}

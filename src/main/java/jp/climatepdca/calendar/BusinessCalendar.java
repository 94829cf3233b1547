package jp.climatepdca.calendar;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * A municipal office's business days (開庁日): not a Saturday or Sunday, not a national holiday or 休日 of the
 * Cabinet Office's list, not the year-end closure 12/29–1/3 (地方自治法 第4条の2, the usual 休日条例).
 * <p>
 * The list ({@code climate-pdca.calendar.holidays}, by default the copy shipped in the jar) covers the years
 * it covers; a date in any other year is counted with the law's rules ({@link HolidayRules}) and a WARN is
 * logged once per year, so a cycle running into a year the Cabinet Office has not published yet keeps its
 * holidays instead of silently counting them as business days (docs/calendar.md). Bean
 * {@code businessCalendar}.
 */
@Component("businessCalendar")
public class BusinessCalendar {

  private static final Logger log = LoggerFactory.getLogger(BusinessCalendar.class);
  private static final String YEAR_END_CLOSURE = "年末年始（閉庁日）";
  private static final MonthDay CLOSURE_FROM = MonthDay.of(12, 29);
  private static final MonthDay CLOSURE_TO = MonthDay.of(1, 3);
  /** No schedule counts further than this; a larger count is a mistake, not a wait of decades. */
  private static final int MAX_DAYS = 3_660;

  private final HolidayList list;
  private final Map<Integer, Map<LocalDate, String>> byRule = new ConcurrentHashMap<>();

  BusinessCalendar(@Value("${climate-pdca.calendar.holidays:classpath:calendar/syukujitsu.csv}") Resource holidays) {
    try (var in = holidays.getInputStream()) {
      this.list = HolidayList.read(in, holidays.getDescription());
    } catch (IOException e) {
      throw new UncheckedIOException("The national holidays cannot be read from " + holidays.getDescription(), e);
    }
    log.info("National holidays {}–{} from {}", list.firstYear(), list.lastYear(), holidays.getDescription());
  }

  public boolean isBusinessDay(LocalDate day) {
    return !isWeekend(day) && holidayName(day) == null;
  }

  /**
   * {@code days} business days after {@code day} (before it when negative); the day itself need not be a
   * business day (Saturday plus 1 is Monday); 0 gives {@code day} unchanged.
   */
  public LocalDate plusBusinessDays(LocalDate day, int days) {
    if (Math.abs(days) > MAX_DAYS) {
      throw new IllegalArgumentException("営業日数が大きすぎます: " + days);
    }
    var step = days < 0 ? -1 : 1;
    var result = day;
    for (int left = Math.abs(days); left > 0; ) {
      result = result.plusDays(step);
      if (isBusinessDay(result)) {
        left--;
      }
    }
    return result;
  }

  /** {@code day} when it is a business day, else the next one. */
  public LocalDate onOrAfter(LocalDate day) {
    var result = day;
    while (!isBusinessDay(result)) {
      result = result.plusDays(1);
    }
    return result;
  }

  /** {@code day} when it is a business day, else the one before. */
  public LocalDate onOrBefore(LocalDate day) {
    var result = day;
    while (!isBusinessDay(result)) {
      result = result.minusDays(1);
    }
    return result;
  }

  /**
   * The national holiday's name (「春分の日」, 「休日」 for a substitute or citizens' holiday), 「年末年始（閉庁日）」
   * for a closure day that is no national holiday, null for any other day (a plain weekend too).
   */
  public String holidayName(LocalDate day) {
    var name = holidays(day.getYear()).get(day);
    if (name != null) {
      return name;
    }
    var monthDay = MonthDay.from(day);
    return monthDay.isBefore(CLOSURE_FROM) && monthDay.isAfter(CLOSURE_TO) ? null : YEAR_END_CLOSURE;
  }

  private Map<LocalDate, String> holidays(int year) {
    if (list.covers(year)) {
      return list.days();
    }
    return byRule.computeIfAbsent(year, y -> {
      log.warn("The national holiday list ends with {} (begins with {}): the holidays of {} are counted by the "
          + "law's rules. Replace the list with the Cabinet Office's newest (docs/calendar.md).",
          list.lastYear(), list.firstYear(), y);
      return HolidayRules.of(y);
    });
  }

  private static boolean isWeekend(LocalDate day) {
    return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
  }
}

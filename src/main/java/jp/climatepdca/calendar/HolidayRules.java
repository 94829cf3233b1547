package jp.climatepdca.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import java.util.TreeMap;

/**
 * The national holidays of a year as the law (国民の祝日に関する法律, as amended for 2020 onwards) makes them:
 * fixed days, Happy Monday days, the equinoxes by the usual approximation of the National Astronomical
 * Observatory's announcement (valid 1980–2099), 振替休日 and 国民の休日. Two uses: the build checks the shipped
 * Cabinet Office list against it (a typo in the data fails a test), and a date beyond the list is counted with
 * it (BusinessCalendar warns). Special laws move days in some years; those known are written here
 * (the Olympic years 2020 and 2021), a future one must be added when the Cabinet Office's list shows it.
 */
final class HolidayRules {

  /** The Cabinet Office names both a substitute holiday and a "citizens' holiday" simply 休日. */
  static final String REST_DAY = "休日";

  private HolidayRules() {}

  static Map<LocalDate, String> of(int year) {
    var days = new TreeMap<LocalDate, String>();
    days.put(LocalDate.of(year, 1, 1), "元日");
    days.put(monday(year, Month.JANUARY, 2), "成人の日");
    days.put(LocalDate.of(year, 2, 11), "建国記念の日");
    days.put(LocalDate.of(year, 2, 23), "天皇誕生日");
    days.put(LocalDate.of(year, 3, vernalEquinox(year)), "春分の日");
    days.put(LocalDate.of(year, 4, 29), "昭和の日");
    days.put(LocalDate.of(year, 5, 3), "憲法記念日");
    days.put(LocalDate.of(year, 5, 4), "みどりの日");
    days.put(LocalDate.of(year, 5, 5), "こどもの日");
    days.put(LocalDate.of(year, 9, autumnalEquinox(year)), "秋分の日");
    days.put(monday(year, Month.SEPTEMBER, 3), "敬老の日");
    days.put(LocalDate.of(year, 11, 3), "文化の日");
    days.put(LocalDate.of(year, 11, 23), "勤労感謝の日");
    switch (year) {
      // 平成三十二年東京オリンピック競技大会・東京パラリンピック競技大会特別措置法 (and its 2021 amendment)
      case 2020 -> {
        days.put(LocalDate.of(2020, 7, 23), "海の日");
        days.put(LocalDate.of(2020, 7, 24), "スポーツの日");
        days.put(LocalDate.of(2020, 8, 10), "山の日");
      }
      case 2021 -> {
        days.put(LocalDate.of(2021, 7, 22), "海の日");
        days.put(LocalDate.of(2021, 7, 23), "スポーツの日");
        days.put(LocalDate.of(2021, 8, 8), "山の日");
      }
      default -> {
        days.put(monday(year, Month.JULY, 3), "海の日");
        days.put(LocalDate.of(year, 8, 11), "山の日");
        days.put(monday(year, Month.OCTOBER, 2), "スポーツの日");
      }
    }
    var holidays = Map.copyOf(days);
    // Article 3(2): a holiday on a Sunday moves to the nearest following day that is no holiday.
    for (var day : holidays.keySet()) {
      if (day.getDayOfWeek() == DayOfWeek.SUNDAY) {
        var substitute = day.plusDays(1);
        while (days.containsKey(substitute)) {
          substitute = substitute.plusDays(1);
        }
        days.put(substitute, REST_DAY);
      }
    }
    // Article 3(3): a day between two national holidays (not itself one) is a holiday (e.g. 2026-09-22).
    for (var day : holidays.keySet()) {
      var between = day.plusDays(1);
      if (!days.containsKey(between) && holidays.containsKey(between.plusDays(1))) {
        days.put(between, REST_DAY);
      }
    }
    return days;
  }

  /** 春分日 (day of March), the formula commonly used to extrapolate the Observatory's yearly announcement. */
  static int vernalEquinox(int year) {
    return equinox(20.8431, year);
  }

  /** 秋分日 (day of September). */
  static int autumnalEquinox(int year) {
    return equinox(23.2488, year);
  }

  private static int equinox(double base, int year) {
    if (year < 1980 || year > 2099) {
      throw new IllegalArgumentException("春分・秋分の近似式は1980〜2099年のみ: " + year);
    }
    return (int) Math.floor(base + 0.242194 * (year - 1980) - Math.floor((year - 1980) / 4.0));
  }

  private static LocalDate monday(int year, Month month, int nth) {
    return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(nth, DayOfWeek.MONDAY));
  }
}

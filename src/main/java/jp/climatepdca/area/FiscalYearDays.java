package jp.climatepdca.area;

import java.time.LocalDate;

/** The days of a Japanese fiscal year, April 1 to March 31, and how staff read them. */
final class FiscalYearDays {

  private FiscalYearDays() {}

  static LocalDate first(int fiscalYear) {
    return LocalDate.of(fiscalYear, 4, 1);
  }

  static LocalDate last(int fiscalYear) {
    return LocalDate.of(fiscalYear + 1, 3, 31);
  }

  static boolean holds(int fiscalYear, LocalDate day) {
    return !day.isBefore(first(fiscalYear)) && !day.isAfter(last(fiscalYear));
  }

  /** 2026年度（2026-04-01〜2027-03-31）. */
  static String label(int fiscalYear) {
    return fiscalYear + "年度（" + first(fiscalYear) + "〜" + last(fiscalYear) + "）";
  }
}

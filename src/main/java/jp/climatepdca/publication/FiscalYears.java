package jp.climatepdca.publication;

import org.springframework.stereotype.Component;

/**
 * Fiscal years as Japanese readers expect them: 2026年度（令和8年度）. Bean {@code fiscalYears} for the
 * templates.
 */
@Component("fiscalYears")
public class FiscalYears {

  /** 2026 → 2026年度（令和8年度）; 2019 → 令和元年度; before 2019 平成. */
  public static String label(int year) {
    return year + "年度（" + era(year) + "年度）";
  }

  static String era(int year) {
    if (year >= 2019) {
      return "令和" + number(year - 2018);
    }
    if (year >= 1989) {
      return "平成" + number(year - 1988);
    }
    return "昭和" + number(year - 1925);
  }

  private static String number(int n) {
    return n == 1 ? "元" : String.valueOf(n);
  }

  public String of(int year) {
    return label(year);
  }
}

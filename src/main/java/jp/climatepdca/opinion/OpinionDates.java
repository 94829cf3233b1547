package jp.climatepdca.opinion;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;

/** Days as the page writes them: 2026年4月1日（水）. */
final class OpinionDates {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

  private OpinionDates() {}

  static String japanese(LocalDate day) {
    return DAY.format(day) + "（" + day.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.JAPANESE) + "）";
  }
}

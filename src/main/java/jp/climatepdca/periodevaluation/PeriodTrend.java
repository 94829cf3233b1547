package jp.climatepdca.periodevaluation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The period's trend as the secretariat compiled it (推移のとりまとめ), kept as JSON in plan_period_trend:
 * every inventory year's emissions against the target path, every reviewed year's indicator grades, and
 * the key projects' progress year by year. {@code planYears} are the years whose activities were reviewed
 * so far (a cycle of fiscal year N reviews N − 1).
 */
record PeriodTrend(String municipality, String municipalityName, int fiscalYear, String kind, String kindLabel,
    int firstYear, int lastYear, Integer planVersion, Instant compiledAt, List<Integer> planYears,
    List<EmissionYear> emissions, List<IndicatorTrend> indicators, List<KeyProjectTrend> keyProjects) {

  /** One inventory year; {@code pathTotal}, {@code gapPercent}, {@code onTrack} null without a target path. */
  record EmissionYear(int year, BigDecimal total, BigDecimal changeFromBasePercent, BigDecimal pathTotal,
      BigDecimal gapPercent, Boolean onTrack) {}

  record IndicatorTrend(String code, String name, String unit, List<IndicatorYear> years) {}

  /** The grade the cycle reviewing {@code planYear} gave (or gives, while it runs). */
  record IndicatorYear(int planYear, Integer actualYear, BigDecimal actualValue, BigDecimal targetValue, String grade,
      String gradeLabel) {}

  record KeyProjectTrend(String code, String name, String departmentCode, List<ProjectYear> years) {}

  /** The department's self-assessed progress of {@code planYear}; null progress when none was saved. */
  record ProjectYear(int planYear, String progress, String progressLabel) {}
}

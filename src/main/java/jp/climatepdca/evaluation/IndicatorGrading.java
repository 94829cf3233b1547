package jp.climatepdca.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import jp.climatepdca.plan.ActualValueCheck;
import jp.climatepdca.plan.ActualValueView;
import jp.climatepdca.plan.IndicatorView;

/**
 * The achievement rule of docs/guide.md, first match wins ("better" follows the indicator's direction):
 * no actual value → データなし; the actual reaches the target → 達成; worse than the base value → 基準年より悪化;
 * the actual's year is the target year or later → 未達成; at least as good as the straight path from base to
 * target at the actual's year → 順調; otherwise → 遅れ. Comparisons are exact (no rounding of the path).
 */
final class IndicatorGrading {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private IndicatorGrading() {}

  static IndicatorGrade grade(IndicatorView indicator, ActualValueView actual) {
    if (actual == null) {
      return IndicatorGrade.NO_DATA;
    }
    int sign = indicator.direction().sign();
    var value = actual.value();
    if (better(sign, value, indicator.targetValue()) >= 0) {
      return IndicatorGrade.ACHIEVED;
    }
    if (better(sign, value, indicator.baseValue()) < 0) {
      return IndicatorGrade.WORSE_THAN_BASE;
    }
    if (actual.valueYear() >= indicator.targetYear()) {
      return IndicatorGrade.NOT_ACHIEVED;
    }
    // actual ≥ base + (target − base)·(y − baseYear)/(targetYear − baseYear), multiplied out to stay exact
    int span = indicator.targetYear() - indicator.baseYear();
    var gained = value.subtract(indicator.baseValue()).multiply(BigDecimal.valueOf(span));
    var due = indicator.targetValue().subtract(indicator.baseValue())
        .multiply(BigDecimal.valueOf(actual.valueYear() - indicator.baseYear()));
    return better(sign, gained, due) >= 0 ? IndicatorGrade.ON_TRACK : IndicatorGrade.BEHIND;
  }

  /** The straight path's value in a year, the target from the target year on; 6 decimals at most. */
  static BigDecimal pathValue(IndicatorView indicator, int year) {
    int clamped = Math.max(indicator.baseYear(), Math.min(year, indicator.targetYear()));
    var path = indicator.baseValue().add(indicator.targetValue().subtract(indicator.baseValue())
        .multiply(BigDecimal.valueOf(clamped - indicator.baseYear()))
        .divide(BigDecimal.valueOf(indicator.targetYear() - indicator.baseYear()), 6, RoundingMode.HALF_UP));
    return ActualValueCheck.plain(path);
  }

  /** How far from base to target the actual has come, in percent with one decimal; null without data. */
  static BigDecimal progressPercent(IndicatorView indicator, ActualValueView actual) {
    var distance = indicator.targetValue().subtract(indicator.baseValue());
    if (actual == null || distance.signum() == 0) {
      return null;
    }
    return actual.value().subtract(indicator.baseValue()).multiply(HUNDRED).divide(distance, 1, RoundingMode.HALF_UP);
  }

  /** Positive when {@code a} is better than {@code b}, zero when equal. */
  private static int better(int sign, BigDecimal a, BigDecimal b) {
    return sign * a.compareTo(b);
  }
}

package jp.climatepdca.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import jp.climatepdca.plan.ActualValueCheck;
import jp.climatepdca.plan.ActualValueView;
import jp.climatepdca.plan.IndicatorKind;
import jp.climatepdca.plan.IndicatorStage;
import jp.climatepdca.plan.IndicatorTargetView;
import jp.climatepdca.plan.IndicatorView;

/**
 * The achievement rule of each indicator kind (docs/indicators.md, docs/guide.md); "better" follows the
 * indicator's direction, comparisons are exact (no rounding of the path). No actual value → データなし.
 * <ul>
 * <li>PATH, against the next target (the first whose year is the actual's year or later, else the last):
 * reached → 達成; worse than the base value → 基準年より悪化; the actual's year is that target's year or
 * later → 未達成; at least as good as the straight line from the point before (the previous target, else the
 * base) to that target → 順調, otherwise → 遅れ; no point before (no base value, before the first target) →
 * 目標年度前.
 * <li>MAINTAIN: at least as good as the base value → 維持, otherwise → 維持できず.
 * <li>AT_LEAST / AT_MOST: the next target's value reached (≥ / ≤) → 達成, otherwise → 未達成.
 * <li>YEAR_ON_YEAR_DECREASE: below the previous year's actual → 前年度比減少, otherwise → 前年度比で減少せず;
 * no actual of the previous year → 前年度の実績なし.
 * <li>STAGES: the last target's stage reached → 達成; the last target's year has come → 未達成; at least the
 * stage planned for the actual's year (the latest target up to it; 未着手 before the first) → 順調, otherwise → 遅れ.
 * </ul>
 */
final class IndicatorGrading {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  /**
   * A grade and what the actual was compared with: {@code comparedYear}/{@code comparedValue} (the target
   * graded against, the base level, the previous year's actual, the planned stage), null when nothing was.
   */
  record Result(IndicatorGrade grade, Integer comparedYear, BigDecimal comparedValue) {
    static Result of(IndicatorGrade grade) {
      return new Result(grade, null, null);
    }
  }

  private IndicatorGrading() {}

  static IndicatorGrade grade(IndicatorView indicator, ActualValueView actual) {
    return grade(indicator, actual, null).grade();
  }

  /** {@code previousYear}: the actual of the year before {@code actual}'s (YEAR_ON_YEAR_DECREASE), or null. */
  static Result grade(IndicatorView indicator, ActualValueView actual, ActualValueView previousYear) {
    if (actual == null) {
      return Result.of(IndicatorGrade.NO_DATA);
    }
    int sign = indicator.direction().sign();
    var value = actual.value();
    int year = actual.valueYear();
    return switch (indicator.kind()) {
      case MAINTAIN -> new Result(better(sign, value, indicator.baseValue()) >= 0 ? IndicatorGrade.MAINTAINED
          : IndicatorGrade.NOT_MAINTAINED, indicator.baseYear(), indicator.baseValue());
      case AT_LEAST, AT_MOST -> {
        var next = next(indicator, year);
        yield new Result(better(sign, value, next.value()) >= 0 ? IndicatorGrade.ACHIEVED : IndicatorGrade.NOT_ACHIEVED,
            next.year(), next.value());
      }
      case YEAR_ON_YEAR_DECREASE -> previousYear == null || previousYear.valueYear() != year - 1
          ? Result.of(IndicatorGrade.NO_PREVIOUS_YEAR)
          : new Result(value.compareTo(previousYear.value()) < 0 ? IndicatorGrade.DECREASED
              : IndicatorGrade.NOT_DECREASED, previousYear.valueYear(), previousYear.value());
      case STAGES -> stages(indicator, value, year);
      case PATH -> path(indicator, value, year, sign);
    };
  }

  private static Result path(IndicatorView indicator, BigDecimal value, int year, int sign) {
    var next = next(indicator, year);
    var graded = new Result(null, next.year(), next.value());
    if (better(sign, value, next.value()) >= 0) {
      return with(graded, IndicatorGrade.ACHIEVED);
    }
    if (indicator.baseValue() != null && better(sign, value, indicator.baseValue()) < 0) {
      return with(graded, IndicatorGrade.WORSE_THAN_BASE);
    }
    if (year >= next.year()) {
      return with(graded, IndicatorGrade.NOT_ACHIEVED);
    }
    var from = pointBefore(indicator, next);
    if (from == null) {
      return with(graded, IndicatorGrade.BEFORE_TARGET_YEAR);
    }
    // actual ≥ from + (next − from)·(y − fromYear)/(nextYear − fromYear), multiplied out to stay exact
    int span = next.year() - from.year();
    var gained = value.subtract(from.value()).multiply(BigDecimal.valueOf(span));
    var due = next.value().subtract(from.value()).multiply(BigDecimal.valueOf(year - from.year()));
    return with(graded, better(sign, gained, due) >= 0 ? IndicatorGrade.ON_TRACK : IndicatorGrade.BEHIND);
  }

  private static Result stages(IndicatorView indicator, BigDecimal value, int year) {
    var last = indicator.targets().get(indicator.targets().size() - 1);
    if (value.compareTo(last.value()) >= 0) {
      return new Result(IndicatorGrade.ACHIEVED, last.year(), last.value());
    }
    if (year >= last.year()) {
      return new Result(IndicatorGrade.NOT_ACHIEVED, last.year(), last.value());
    }
    var planned = indicator.targets().stream().filter(t -> t.year() <= year).reduce((a, b) -> b)
        .orElse(new IndicatorTargetView(year, IndicatorStage.NOT_STARTED.value()));
    return new Result(value.compareTo(planned.value()) >= 0 ? IndicatorGrade.ON_TRACK : IndicatorGrade.BEHIND,
        planned.year(), planned.value());
  }

  private static Result with(Result compared, IndicatorGrade grade) {
    return new Result(grade, compared.comparedYear(), compared.comparedValue());
  }

  /** The target an actual of {@code year} is graded against: the first of that year or later, else the last. */
  static IndicatorTargetView next(IndicatorView indicator, int year) {
    var targets = indicator.targets();
    return targets.stream().filter(t -> t.year() >= year).findFirst().orElse(targets.get(targets.size() - 1));
  }

  /** The previous target, else the base (when the plan gives a value), else null. */
  private static IndicatorTargetView pointBefore(IndicatorView indicator, IndicatorTargetView next) {
    return points(indicator).stream().filter(p -> p.year() < next.year()).reduce((a, b) -> b).orElse(null);
  }

  /** The base (when there is a value) and every target, in year order: the corners of the path. */
  private static List<IndicatorTargetView> points(IndicatorView indicator) {
    var points = new ArrayList<IndicatorTargetView>();
    if (indicator.baseValue() != null) {
      points.add(new IndicatorTargetView(indicator.baseYear(), indicator.baseValue()));
    }
    indicator.targets().stream().filter(t -> indicator.baseValue() == null || t.year() > indicator.baseYear())
        .forEach(points::add);
    return points;
  }

  /**
   * The path's value in a year, 6 decimals at most: straight lines through the base and the targets, the
   * last target from its year on. Null for a kind without a path, and before the first point of a path
   * that has no base value.
   */
  static BigDecimal pathValue(IndicatorView indicator, int year) {
    if (indicator.kind() != IndicatorKind.PATH) {
      return null;
    }
    var points = points(indicator);
    if (points.isEmpty() || year < points.get(0).year() && indicator.baseValue() == null) {
      return null;
    }
    var from = points.get(0);
    if (year <= from.year()) {
      return ActualValueCheck.plain(from.value());
    }
    for (var to : points.subList(1, points.size())) {
      if (year <= to.year()) {
        var path = from.value().add(to.value().subtract(from.value()).multiply(BigDecimal.valueOf(year - from.year()))
            .divide(BigDecimal.valueOf(to.year() - from.year()), 6, RoundingMode.HALF_UP));
        return ActualValueCheck.plain(path);
      }
      from = to;
    }
    return ActualValueCheck.plain(from.value());
  }

  /**
   * How far from base to the last target the actual has come, in percent with one decimal; null without
   * data, for a kind other than PATH, or without a base value.
   */
  static BigDecimal progressPercent(IndicatorView indicator, ActualValueView actual) {
    if (actual == null || indicator.kind() != IndicatorKind.PATH || indicator.baseValue() == null
        || indicator.targetValue() == null) {
      return null;
    }
    var distance = indicator.targetValue().subtract(indicator.baseValue());
    if (distance.signum() == 0) {
      return null;
    }
    return actual.value().subtract(indicator.baseValue()).multiply(HUNDRED).divide(distance, 1, RoundingMode.HALF_UP);
  }

  /** Positive when {@code a} is better than {@code b}, zero when equal. */
  private static int better(int sign, BigDecimal a, BigDecimal b) {
    return sign * a.compareTo(b);
  }
}

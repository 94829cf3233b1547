package jp.climatepdca.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jp.climatepdca.cycle.CycleSchedule;
import jp.climatepdca.emission.VerifiedEmissionTotals;
import jp.climatepdca.plan.ActualValueView;
import jp.climatepdca.plan.IndicatorKind;
import jp.climatepdca.plan.IndicatorSource;
import jp.climatepdca.plan.IndicatorView;
import jp.climatepdca.plan.MeasureView;
import jp.climatepdca.plan.PlanIndicatorService;
import jp.climatepdca.plan.PlanService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Grades the plan's indicators for a fiscal year's cycle: each indicator's newest actual value up to
 * the year the cycle reviews (fiscal year − report lag), by its kind's rule ({@link IndicatorGrading}).
 * An INVENTORY indicator's actual values are the verified emissions inventory's totals, not typed ones.
 * Read by the Check forms, GET /api/indicators and the annual report.
 */
@Service
@Transactional(readOnly = true)
public class IndicatorService {

  private final PlanService plan;
  private final PlanIndicatorService indicators;
  private final CycleSchedule schedule;
  private final VerifiedEmissionTotals inventories;

  IndicatorService(PlanService plan, PlanIndicatorService indicators, CycleSchedule schedule,
      VerifiedEmissionTotals inventories) {
    this.plan = plan;
    this.indicators = indicators;
    this.schedule = schedule;
    this.inventories = inventories;
  }

  /** Every indicator of the municipality, plan-level ones first, graded for the cycle of {@code fiscalYear}. */
  public List<IndicatorGradeView> grades(String municipalityCode, int fiscalYear) {
    plan.municipality(municipalityCode);
    int reviewYear = schedule.reviewYear(fiscalYear);
    // the definitions of the plan version in force in the reviewed year (docs/plan-versions.md)
    var measureNames = plan.measures(municipalityCode, reviewYear).stream()
        .collect(Collectors.toMap(MeasureView::code, MeasureView::name));
    Map<String, List<ActualValueView>> typed = indicators.actuals(municipalityCode).stream()
        .filter(a -> a.valueYear() <= reviewYear).collect(Collectors.groupingBy(ActualValueView::indicatorCode));
    var all = indicators.indicators(municipalityCode, reviewYear);
    var fromInventory = all.stream().anyMatch(i -> i.source() == IndicatorSource.INVENTORY)
        ? inventories.totals(municipalityCode) : List.<VerifiedEmissionTotals.YearTotal>of();
    return all.stream()
        .sorted(Comparator.comparing((IndicatorView i) -> i.measureCode() != null).thenComparing(IndicatorView::code))
        .map(i -> {
          var values = i.source() == IndicatorSource.INVENTORY ? inventoryActuals(i, fromInventory, reviewYear)
              : typed.getOrDefault(i.code(), List.of());
          return graded(i, values, reviewYear, i.measureCode() == null ? null : measureNames.get(i.measureCode()));
        }).toList();
  }

  /** The year the cycle of {@code fiscalYear} reviews: the actual values graded are of that year or before. */
  public int reviewYear(int fiscalYear) {
    return schedule.reviewYear(fiscalYear);
  }

  /** The verified inventory totals up to the reviewed year, in the indicator's unit (千t-CO2: ÷ 1000). */
  private static List<ActualValueView> inventoryActuals(IndicatorView i, List<VerifiedEmissionTotals.YearTotal> totals,
      int reviewYear) {
    var perUnit = IndicatorSource.tonnesPerUnit(i.unit()).orElse(BigDecimal.ONE);
    return totals.stream().filter(t -> t.year() <= reviewYear)
        .map(t -> new ActualValueView(i.code(), t.year(), t.total().divide(perUnit, 6, RoundingMode.HALF_UP)
            .stripTrailingZeros(), "排出量の算定結果（" + t.year() + "年度 第" + t.version() + "版）", null, null))
        .toList();
  }

  /**
   * A value of the base year or before says nothing about progress from the base towards the target: it
   * does not count for a path or a level that starts from a base value. The other kinds take any year.
   */
  private static boolean usable(IndicatorView indicator, ActualValueView actual) {
    var fromBase = indicator.baseValue() != null
        && (indicator.kind() == IndicatorKind.PATH || indicator.kind() == IndicatorKind.MAINTAIN);
    return !fromBase || actual.valueYear() > indicator.baseYear();
  }

  /**
   * One indicator graded for the cycle reviewing {@code reviewYear}, from its actual values up to that year (any
   * order): the one rule for a municipality's indicators and an area's (the area compilation). {@code measureName}
   * is shown beside a measure's indicator, null for one of the plan.
   */
  public static IndicatorGradeView graded(IndicatorView i, List<ActualValueView> values, int reviewYear,
      String measureName) {
    var actual = values.stream().filter(a -> usable(i, a)).max(Comparator.comparingInt(ActualValueView::valueYear))
        .orElse(null);
    var previous = actual == null ? null
        : values.stream().filter(a -> a.valueYear() == actual.valueYear() - 1).findFirst().orElse(null);
    var result = IndicatorGrading.grade(i, actual, previous);
    var grade = result.grade();
    var pathYear = actual == null ? reviewYear : actual.valueYear();
    var stale = actual != null && i.maxDataAgeYears() != null && reviewYear - actual.valueYear() > i.maxDataAgeYears();
    return new IndicatorGradeView(i.code(), i.name(), i.measureCode(), i.unit(), i.direction().name(), i.baseYear(),
        i.baseValue(), i.targetYear(), i.targetValue(), actual == null ? null : actual.valueYear(),
        actual == null ? null : actual.value(), IndicatorGrading.pathValue(i, pathYear), grade, grade.label(),
        measureName, i.departmentCode(),
        i.direction().label(), actual == null ? null : actual.source(), IndicatorGrading.progressPercent(i, actual),
        i.kind().name(), i.kind().label(), i.targetsLabel(), actual == null ? null : i.valueLabel(actual.value()),
        compared(i, result), stale, stale ? "データが古い（最新の実績は" + actual.valueYear() + "年度。点検対象の"
            + reviewYear + "年度から" + i.maxDataAgeYears() + "年以内の実績が必要です）" : null, i.source().name());
  }

  /** What the actual was graded against, in words: 2025年度の目標 30, 維持する水準 100, … */
  private static String compared(IndicatorView i, IndicatorGrading.Result r) {
    if (r.comparedValue() == null) {
      return null;
    }
    var value = i.valueLabel(r.comparedValue());
    return switch (i.kind()) {
      case MAINTAIN -> "維持する水準 " + value + "（" + r.comparedYear() + "年度）";
      case YEAR_ON_YEAR_DECREASE -> "前年度（" + r.comparedYear() + "年度）の実績 " + value;
      case STAGES -> r.grade() == IndicatorGrade.ON_TRACK || r.grade() == IndicatorGrade.BEHIND
          ? r.comparedYear() + "年度までの予定 " + value : r.comparedYear() + "年度の目標 " + value;
      case AT_LEAST -> r.comparedYear() + "年度の目標 " + value + " 以上";
      case AT_MOST -> r.comparedYear() + "年度の目標 " + value + " 以下";
      case PATH -> r.comparedYear() + "年度の目標 " + value;
    };
  }
}

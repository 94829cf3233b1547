package jp.climatepdca.evaluation;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import jp.climatepdca.cycle.CycleSchedule;
import jp.climatepdca.plan.ActualValueView;
import jp.climatepdca.plan.IndicatorView;
import jp.climatepdca.plan.MeasureView;
import jp.climatepdca.plan.PlanIndicatorService;
import jp.climatepdca.plan.PlanService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Grades the plan's indicators for a fiscal year's cycle: each indicator's newest actual value up to
 * the year the cycle reviews (fiscal year − report lag), against its target by {@link IndicatorGrading}.
 * Read by the Check forms, GET /api/indicators and the annual report.
 */
@Service
@Transactional(readOnly = true)
public class IndicatorService {

  private final PlanService plan;
  private final PlanIndicatorService indicators;
  private final CycleSchedule schedule;

  IndicatorService(PlanService plan, PlanIndicatorService indicators, CycleSchedule schedule) {
    this.plan = plan;
    this.indicators = indicators;
    this.schedule = schedule;
  }

  /** Every indicator of the municipality, plan-level ones first, graded for the cycle of {@code fiscalYear}. */
  public List<IndicatorGradeView> grades(String municipalityCode, int fiscalYear) {
    plan.municipality(municipalityCode);
    int reviewYear = schedule.reviewYear(fiscalYear);
    // the definitions of the plan version in force in the reviewed year (docs/plan-versions.md)
    var measureNames = plan.measures(municipalityCode, reviewYear).stream()
        .collect(Collectors.toMap(MeasureView::code, MeasureView::name));
    Map<String, ActualValueView> newest = indicators.actuals(municipalityCode).stream()
        .filter(a -> a.valueYear() <= reviewYear)
        .collect(Collectors.toMap(ActualValueView::indicatorCode, Function.identity(),
            (a, b) -> a.valueYear() >= b.valueYear() ? a : b));
    return indicators.indicators(municipalityCode, reviewYear).stream()
        .sorted(Comparator.comparing((IndicatorView i) -> i.measureCode() != null).thenComparing(IndicatorView::code))
        .map(i -> view(i, usable(i, newest.get(i.code())), reviewYear, measureNames)).toList();
  }

  /** The year the cycle of {@code fiscalYear} reviews: the actual values graded are of that year or before. */
  public int reviewYear(int fiscalYear) {
    return schedule.reviewYear(fiscalYear);
  }

  /** A value of the base year or before says nothing about progress towards the target. */
  private static ActualValueView usable(IndicatorView indicator, ActualValueView actual) {
    return actual != null && actual.valueYear() > indicator.baseYear() ? actual : null;
  }

  private static IndicatorGradeView view(IndicatorView i, ActualValueView actual, int reviewYear,
      Map<String, String> measureNames) {
    var grade = IndicatorGrading.grade(i, actual);
    var pathYear = actual == null ? reviewYear : actual.valueYear();
    return new IndicatorGradeView(i.code(), i.name(), i.measureCode(), i.unit(), i.direction().name(), i.baseYear(),
        i.baseValue(), i.targetYear(), i.targetValue(), actual == null ? null : actual.valueYear(),
        actual == null ? null : actual.value(), IndicatorGrading.pathValue(i, pathYear), grade, grade.label(),
        i.measureCode() == null ? null : measureNames.get(i.measureCode()), i.departmentCode(),
        i.direction().label(), actual == null ? null : actual.source(), IndicatorGrading.progressPercent(i, actual));
  }
}

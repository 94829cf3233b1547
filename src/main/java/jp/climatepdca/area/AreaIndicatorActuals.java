package jp.climatepdca.area;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jp.climatepdca.plan.ActualValueInput;
import jp.climatepdca.plan.ActualValueView;
import jp.climatepdca.plan.IndicatorSource;
import jp.climatepdca.plan.IndicatorView;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The actual values of an area's indicators that people enter (docs/area.md): every indicator but those whose
 * values are the area's compiled GHG totals. The area's secretariat enters them in its compilation check
 * ({@link AreaCompilationCheckListener}); the compilation grades them ({@link AreaCompilationService}).
 */
@Service
@Transactional(readOnly = true)
class AreaIndicatorActuals {

  private final AreaPlanService areas;
  private final AreaIndicatorActualRepository actuals;

  AreaIndicatorActuals(AreaPlanService areas, AreaIndicatorActualRepository actuals) {
    this.areas = areas;
    this.actuals = actuals;
  }

  /**
   * Whether the indicator's values are the area's compiled GHG totals: one of the whole plan counted in tonnes
   * of CO2, or one with {@code source: INVENTORY}. Nobody types those.
   */
  static boolean fromCompilation(IndicatorView i) {
    return (i.measureCode() == null || i.source() == IndicatorSource.INVENTORY)
        && AreaReportService.TonnesUnit.scale(i.unit()) != null;
  }

  /** The area's indicators whose values the secretariat enters, in the file's order. */
  List<IndicatorView> typed(String area) {
    return areas.indicators(area).stream().filter(i -> !fromCompilation(i)).toList();
  }

  /** Every entered value of the area, by indicator code, years ascending. */
  Map<String, List<ActualValueView>> byIndicator(String area) {
    return actuals.findByAreaCodeOrderByIndicatorCodeAscValueYearAsc(area).stream().map(AreaIndicatorActual::view)
        .collect(Collectors.groupingBy(ActualValueView::indicatorCode));
  }

  /**
   * Records one year's values, all or none (the caller has checked them against {@link #typed}); a null value
   * removes that year's value. Says whether anything changed.
   */
  @Transactional
  boolean record(String area, int valueYear, List<ActualValueInput> inputs, String user) {
    var now = Instant.now();
    var changed = false;
    for (var input : inputs) {
      var existing = actuals.findByAreaCodeAndIndicatorCodeAndValueYear(area, input.indicatorCode(), valueYear);
      if (input.value() == null) {
        if (existing.isPresent()) {
          actuals.delete(existing.get());
          changed = true;
        }
        continue;
      }
      if (existing.isPresent() && !existing.get().differs(input.value(), input.source())) {
        continue;
      }
      var row = existing.orElseGet(() -> new AreaIndicatorActual(area, input.indicatorCode(), valueYear));
      row.record(input.value(), input.source(), user, now);
      actuals.save(row);
      changed = true;
    }
    return changed;
  }
}

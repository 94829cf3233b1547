package jp.climatepdca.publication;

import java.util.ArrayList;
import java.util.List;
import jp.climatepdca.emission.EmissionTargetPathService;
import jp.climatepdca.evaluation.IndicatorService;
import jp.climatepdca.publication.ReportContent.IndicatorEntry;
import jp.climatepdca.publication.ReportContent.PathPoint;
import jp.climatepdca.publication.ReportContent.Target;
import org.springframework.stereotype.Component;

/**
 * The indicator grades and the emission target path a report freezes, as the indicators feature computes
 * them (the Check forms show the same grades).
 */
@Component
class ReportIndicators {

  private final IndicatorService indicators;
  private final EmissionTargetPathService targetPaths;

  ReportIndicators(IndicatorService indicators, EmissionTargetPathService targetPaths) {
    this.indicators = indicators;
    this.targetPaths = targetPaths;
  }

  List<IndicatorEntry> grades(String municipality, int fiscalYear) {
    return indicators.grades(municipality, fiscalYear).stream()
        .map(g -> new IndicatorEntry(g.code(), g.name(), g.measureCode(), g.unit(), g.direction(), g.baseYear(),
            g.baseValue(), g.targetYear(), g.targetValue(), g.actualYear(), g.actualValue(), g.pathValue(),
            g.grade().name(), g.gradeLabel(), g.kindLabel(), g.targetsLabel(), g.actualLabel(), g.comparedLabel(),
            g.staleNote()))
        .toList();
  }

  /** The targets of the plan version in force in the reviewed year. */
  List<Target> targets(String municipality, int reviewYear) {
    return targetPaths.path(municipality, reviewYear).map(p -> p.milestones().stream()
        .map(m -> new Target(m.year(), m.reductionPercent(), m.label(), m.total())).toList()).orElse(List.of());
  }

  /** The path's t-CO2 in every year from the base year to the later of the last target and the inventory year. */
  List<PathPoint> targetPath(String municipality, int reviewYear, int inventoryYear) {
    return targetPaths.path(municipality, reviewYear).map(p -> {
      var last = Math.max(inventoryYear, p.milestones().stream().mapToInt(m -> m.year()).max().orElse(inventoryYear));
      var points = new ArrayList<PathPoint>();
      for (int year = p.baseYear(); year <= last; year++) {
        points.add(new PathPoint(year, p.valueAt(year)));
      }
      return (List<PathPoint>) points;
    }).orElse(List.of());
  }
}

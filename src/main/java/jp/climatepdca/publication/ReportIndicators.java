package jp.climatepdca.publication;

import java.util.List;
import jp.climatepdca.publication.ReportContent.IndicatorEntry;
import jp.climatepdca.publication.ReportContent.PathPoint;
import org.springframework.stereotype.Component;

/**
 * The indicator grades and the emission target path a report freezes. The indicators feature (issue #3,
 * branch indicators) provides them; until it is merged a report has none and its pages say so.
 */
@Component
class ReportIndicators {

  List<IndicatorEntry> grades(String municipality, int fiscalYear) {
    return List.of();
  }

  List<PathPoint> targetPath(String municipality) {
    return List.of();
  }
}

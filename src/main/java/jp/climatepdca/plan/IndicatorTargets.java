package jp.climatepdca.plan;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * An indicator entry's targets as one list, whether the file gives {@code targets} or the single
 * {@code targetYear}/{@code targetValue}; a STAGES target's value is its stage's ordinal. Used by the
 * validator (with each value's place in the file) and by the import.
 */
final class IndicatorTargets {

  /**
   * {@code stage}: the stage as written (STAGES), {@code valueWritten}: whether the file also gives a
   * number; {@code yearAt}/{@code valueAt}: where the year and the value are written, for messages.
   */
  record Target(Integer year, BigDecimal value, String stage, boolean valueWritten, String yearAt, String valueAt) {}

  private IndicatorTargets() {}

  static List<Target> of(PlanDocument.IndicatorEntry e, PlanFileLocation at) {
    var list = new ArrayList<Target>();
    if (e.targets() != null && !e.targets().isEmpty()) {
      for (int i = 0; i < e.targets().size(); i++) {
        var t = e.targets().get(i);
        var where = at.item("targets", i);
        if (t == null) {
          list.add(new Target(null, null, null, false, where.field("year"), where.toString()));
          continue;
        }
        var stage = PlanLabels.parse(IndicatorStage.class, t.stage());
        var value = stage.map(IndicatorStage::value).orElse(t.value());
        list.add(new Target(t.year(), value, t.stage(), t.value() != null, where.field("year"),
            where.field(t.stage() != null ? "stage" : "value")));
      }
    } else if (e.targetYear() != null || e.targetValue() != null) {
      list.add(new Target(e.targetYear(), e.targetValue(), null, e.targetValue() != null, at.field("targetYear"),
          at.field("targetValue")));
    }
    return list;
  }

  /** The targets of an entry the validator accepted, as stored. */
  static List<IndicatorTargetView> views(PlanDocument.IndicatorEntry e) {
    return of(e, PlanFileLocation.of("indicators")).stream()
        .map(t -> new IndicatorTargetView(t.year(), t.value())).toList();
  }
}

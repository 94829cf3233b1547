package jp.climatepdca.plan;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An indicator's definition (kind, direction, base, targets, maxDataAgeYears, source; docs/indicators.md) as
 * every data file writes it: a municipality's plan file and an area file (docs/area.md) are checked and read by
 * this one code, so both accept the same fields and kinds and refuse them with the same messages.
 */
public final class IndicatorDefinitions {

  private IndicatorDefinitions() {}

  /**
   * Adds to {@code errors} every problem of the entries' codes, names, units and kind-dependent values, each
   * named as in a plan file ({@code indicators の 2 件目 の kind: …}). The entries' {@code measure} and
   * {@code department} are left to the caller, which knows what they may name.
   */
  public static void check(List<PlanDocument.IndicatorEntry> entries, List<String> errors) {
    new IndicatorEntriesValidator(new PlanFileValidator(errors), Set.of(), Map.of()).entries(entries, false);
  }

  /**
   * An entry the check accepted as the rest of the application sees it: labels turned into codes, the kind's
   * own direction, the targets as one list, {@code defaultBaseYear} where the entry gives no base year.
   */
  public static IndicatorView view(PlanDocument.IndicatorEntry e, String departmentCode, int defaultBaseYear) {
    var kind = e.kind() == null ? IndicatorKind.PATH : PlanLabels.of(IndicatorKind.class, e.kind());
    var direction = kind.needsDirection() ? PlanLabels.of(IndicatorDirection.class, e.direction())
        : kind.impliedDirection();
    var targets = IndicatorTargets.views(e);
    var last = targets.isEmpty() ? null : targets.get(targets.size() - 1);
    return new IndicatorView(e.code(), e.name().strip(), e.unit().strip(), e.measure(), departmentCode, direction,
        e.baseYear() == null ? defaultBaseYear : e.baseYear(), e.baseValue(), last == null ? null : last.year(),
        last == null ? null : last.value(), kind, targets, e.maxDataAgeYears(),
        e.source() == null ? IndicatorSource.TYPED : PlanLabels.of(IndicatorSource.class, e.source()));
  }
}

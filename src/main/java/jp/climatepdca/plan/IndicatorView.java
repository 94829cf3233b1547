package jp.climatepdca.plan;

import java.math.BigDecimal;
import java.util.List;

/**
 * An indicator (指標) as other features see it. {@code measureCode} is null for a plan-level indicator;
 * {@code departmentCode} is the department that enters its actual values, null when only the secretariat does.
 * {@code kind} says how it is graded (docs/indicators.md); {@code targets} are its targets in year order
 * (a STAGES indicator: the planned stage's ordinal), {@code targetYear}/{@code targetValue} the last of
 * them (null for a kind without targets); {@code baseValue} is null where the plan gives none.
 * {@code maxDataAgeYears}: how many years the newest actual may lag the reviewed year (null: no limit).
 */
public record IndicatorView(String code, String name, String unit, String measureCode, String departmentCode,
    IndicatorDirection direction, int baseYear, BigDecimal baseValue, Integer targetYear, BigDecimal targetValue,
    IndicatorKind kind, List<IndicatorTargetView> targets, Integer maxDataAgeYears, IndicatorSource source) {

  public IndicatorView {
    kind = kind == null ? IndicatorKind.PATH : kind;
    source = source == null ? IndicatorSource.TYPED : source;
    targets = targets == null ? List.of() : List.copyOf(targets);
  }

  /** A PATH indicator with one target, typed in: what every indicator was before kinds existed. */
  public IndicatorView(String code, String name, String unit, String measureCode, String departmentCode,
      IndicatorDirection direction, int baseYear, BigDecimal baseValue, int targetYear, BigDecimal targetValue) {
    this(code, name, unit, measureCode, departmentCode, direction, baseYear, baseValue, targetYear, targetValue,
        IndicatorKind.PATH, List.of(new IndicatorTargetView(targetYear, targetValue)), null, IndicatorSource.TYPED);
  }

  /** Whether a department or the secretariat types its values (not filled from the emissions inventory). */
  public boolean typed() {
    return source == IndicatorSource.TYPED;
  }

  /** "2025年度 30 / 2030年度 60", a STAGES indicator's stages by name; "—" without targets. */
  public String targetsLabel() {
    if (targets.isEmpty()) {
      return "—";
    }
    return String.join(" / ", targets.stream().map(t -> t.year() + "年度 " + valueLabel(t.value())).toList());
  }

  /** A value of this indicator as people read it: a stage's name for STAGES, the number otherwise. */
  public String valueLabel(BigDecimal value) {
    if (value == null) {
      return "—";
    }
    if (kind == IndicatorKind.STAGES) {
      return IndicatorStage.of(value).map(IndicatorStage::label).orElse(value.toPlainString());
    }
    return ActualValueCheck.plain(value).toPlainString();
  }
}

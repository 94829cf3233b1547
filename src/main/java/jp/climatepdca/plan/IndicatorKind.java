package jp.climatepdca.plan;

import java.util.List;

/**
 * How an indicator is judged (指標の種類; docs/indicators.md): the straight path from base to target (today's
 * rule, the default), keeping a level (維持), a threshold every year (以上 / 以下), less than the year before
 * (前年度比減少), or the stages a key project moves through (未着手 → 検討中 → 実施中 → 完了).
 */
public enum IndicatorKind {
  PATH("目標値に向けた推移", "推移", "目標値"),
  MAINTAIN("維持"),
  AT_LEAST("以上"),
  AT_MOST("以下"),
  YEAR_ON_YEAR_DECREASE("前年度比減少", "前年度比で減少", "前年比減"),
  STAGES("段階", "進捗段階");

  private final String label;
  private final List<String> aliases;

  IndicatorKind(String label, String... aliases) {
    this.label = label;
    this.aliases = List.of(aliases);
  }

  public String label() {
    return label;
  }

  /** Further Japanese words a plan file may use for this kind. */
  List<String> aliases() {
    return aliases;
  }

  /** Whether the kind needs a direction from the file (the thresholds and stages imply theirs). */
  boolean needsDirection() {
    return this == PATH || this == MAINTAIN;
  }

  /** The direction a kind implies, or null when the file gives it. */
  IndicatorDirection impliedDirection() {
    return switch (this) {
      case AT_LEAST, STAGES -> IndicatorDirection.HIGHER;
      case AT_MOST, YEAR_ON_YEAR_DECREASE -> IndicatorDirection.LOWER;
      default -> null;
    };
  }
}

package jp.climatepdca.plan;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The stages of a key project (重点プロジェクト) a STAGES indicator follows, in order. An actual or planned
 * stage is stored as its ordinal in the indicator's numeric columns, so the stages compare like numbers.
 */
public enum IndicatorStage {
  NOT_STARTED("未着手"),
  STUDYING("検討中"),
  IN_PROGRESS("実施中"),
  COMPLETED("完了");

  private final String label;

  IndicatorStage(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public BigDecimal value() {
    return BigDecimal.valueOf(ordinal());
  }

  /** The stage a stored value stands for; empty for a value that is not one (0, 1, 2 or 3). */
  public static Optional<IndicatorStage> of(BigDecimal value) {
    if (value == null || value.stripTrailingZeros().scale() > 0) {
      return Optional.empty();
    }
    int i;
    try {
      i = value.intValueExact();
    } catch (ArithmeticException e) {
      return Optional.empty();
    }
    return i >= 0 && i < values().length ? Optional.of(values()[i]) : Optional.empty();
  }
}

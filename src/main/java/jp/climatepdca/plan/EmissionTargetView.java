package jp.climatepdca.plan;

import java.math.BigDecimal;

/**
 * A GHG reduction target of the plan: the base year's emissions cut by {@code reductionPercent} by
 * {@code year}, and/or {@code emissions} t-CO2 by then (an absolute target); either may be null, not both.
 */
public record EmissionTargetView(int year, BigDecimal reductionPercent, String label, BigDecimal emissions) {

  /** A target stated in percent only. */
  public EmissionTargetView(int year, BigDecimal reductionPercent, String label) {
    this(year, reductionPercent, label, null);
  }
}

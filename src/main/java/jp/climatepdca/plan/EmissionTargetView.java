package jp.climatepdca.plan;

import java.math.BigDecimal;

/** A GHG reduction target of the plan: the base year's emissions cut by {@code reductionPercent} by {@code year}. */
public record EmissionTargetView(int year, BigDecimal reductionPercent, String label) {}

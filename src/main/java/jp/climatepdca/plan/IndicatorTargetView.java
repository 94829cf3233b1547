package jp.climatepdca.plan;

import java.math.BigDecimal;

/** One target of an indicator: the value to reach by {@code year} (a STAGES indicator: the stage's ordinal). */
public record IndicatorTargetView(int year, BigDecimal value) {}

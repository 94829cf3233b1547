package jp.climatepdca.plan;

import java.math.BigDecimal;

/** An actual value to record for a year; a null value removes that year's value (a cleared field). */
public record ActualValueInput(String indicatorCode, BigDecimal value, String source) {}

package jp.climatepdca.plan;

import java.math.BigDecimal;

/**
 * An indicator (指標) as other features see it. {@code measureCode} is null for a plan-level indicator;
 * {@code departmentCode} is the department that enters its actual values, null when only the secretariat does.
 */
public record IndicatorView(String code, String name, String unit, String measureCode, String departmentCode,
    IndicatorDirection direction, int baseYear, BigDecimal baseValue, int targetYear, BigDecimal targetValue) {}

package jp.climatepdca.area;

import java.math.BigDecimal;
import jp.climatepdca.plan.IndicatorDirection;

/** An area indicator; {@code measure} is a shared measure's code, or null for an indicator of the whole plan. */
public record AreaIndicatorView(String code, String name, String unit, String measure, IndicatorDirection direction,
    int baseYear, BigDecimal baseValue, int targetYear, BigDecimal targetValue) {}

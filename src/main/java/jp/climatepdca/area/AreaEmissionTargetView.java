package jp.climatepdca.area;

import java.math.BigDecimal;

/** A reduction target of the area: by {@code year}, {@code reductionPercent} below the area's base year. */
public record AreaEmissionTargetView(int year, BigDecimal reductionPercent, String label) {}

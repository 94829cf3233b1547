package jp.climatepdca.emission;

import java.math.BigDecimal;

/**
 * A factor of the catalogue as the API and the seed file show it.
 *
 * @param factor t-CO2 equivalent per {@code unit}
 * @param validTo last fiscal year it applies to, null while it still does
 */
public record FactorView(String code, FactorKind kind, String name, String unit, Gas gas, BigDecimal factor,
    int validFrom, Integer validTo, String source, boolean locked) {}

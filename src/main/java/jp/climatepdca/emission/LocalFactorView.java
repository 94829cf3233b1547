package jp.climatepdca.emission;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A municipality's own factor replacing the catalogue's default of {@code code} and {@code gas} in its
 * valid years ({@code validTo} null while it still applies), in the default's unit, with its source.
 */
public record LocalFactorView(String municipality, String code, Gas gas, BigDecimal factor, int validFrom,
    Integer validTo, String source, String enteredBy, Instant enteredAt) {}

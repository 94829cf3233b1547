package jp.climatepdca.area;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The emissions totals GET /api/area-cycles/{area}/{fiscalYear} shows next to the area and each member
 * (t-CO2, the inventory year the cycle reports), as the area's compilation counts them (each member's
 * accepted inventory version). Without an implementation the totals are null.
 */
public interface AreaEmissionTotals {

  /** {@code area}: null when no member has a counted total; {@code members}: only those with one. */
  record Totals(BigDecimal area, Map<String, BigDecimal> members) {}

  Totals totals(String area, int fiscalYear);
}

package jp.climatepdca.area;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The emissions totals GET /api/area-cycles/{area}/{fiscalYear} shows next to the area and each member
 * (t-CO2, the inventory year the cycle reports). Implemented by the area's compilation, which knows which
 * inventory version of each member counts; without an implementation the totals are null.
 */
public interface AreaEmissionTotals {

  /** The area's total over the members whose inventory counts. */
  Optional<BigDecimal> areaTotal(String area, int fiscalYear);

  /** The member's total as the area counts it (its accepted inventory version). */
  Optional<BigDecimal> memberTotal(String area, int fiscalYear, String municipality);
}

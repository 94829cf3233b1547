package jp.climatepdca.emission;

import java.math.BigDecimal;

/**
 * A checked line of activity data: either an amount of a fuel (factorCode, amount, unit, and the amount
 * converted to the factor's unit) or a sector figure already in t-CO2 (gas and amount in t-CO2).
 */
record ActivityLine(int line, InventorySector sector, String subSector, String factorCode, BigDecimal amount,
    String unit, BigDecimal factorAmount, Gas gas, String source) {

  boolean direct() {
    return factorCode == null;
  }
}

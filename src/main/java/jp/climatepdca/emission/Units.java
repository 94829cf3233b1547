package jp.climatepdca.emission;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * Units of activity data and how they convert. Every conversion is by a power of ten, so the amount in
 * the factor's unit is exact in BigDecimal (no floating point anywhere in the calculation).
 */
final class Units {

  /** unit → dimension and size relative to that dimension's reference unit. */
  private static final Map<String, Unit> UNITS = Map.ofEntries(
      Map.entry("L", new Unit("liquid", new BigDecimal("0.001"))),
      Map.entry("kL", new Unit("liquid", BigDecimal.ONE)),
      Map.entry("m3", new Unit("gas", new BigDecimal("0.001"))),
      Map.entry("千m3", new Unit("gas", BigDecimal.ONE)),
      Map.entry("Nm3", new Unit("gas", new BigDecimal("0.001"))),
      Map.entry("千Nm3", new Unit("gas", BigDecimal.ONE)),
      Map.entry("kWh", new Unit("electricity", BigDecimal.ONE)),
      Map.entry("千kWh", new Unit("electricity", new BigDecimal("1000"))),
      Map.entry("MWh", new Unit("electricity", new BigDecimal("1000"))),
      Map.entry("kg", new Unit("mass", new BigDecimal("0.001"))),
      Map.entry("t", new Unit("mass", BigDecimal.ONE)),
      Map.entry("MJ", new Unit("heat", new BigDecimal("0.001"))),
      Map.entry("GJ", new Unit("heat", BigDecimal.ONE)));

  /** A sector figure entered directly, already in tonnes of CO2 equivalent. */
  static final String TONNES_CO2 = "t-CO2";

  private Units() {}

  static boolean isKnown(String unit) {
    return UNITS.containsKey(normalize(unit));
  }

  /** The multiplier from {@code from} to {@code to}, empty when they measure different things. */
  static Optional<BigDecimal> conversion(String from, String to) {
    var a = UNITS.get(normalize(from));
    var b = UNITS.get(normalize(to));
    if (a == null || b == null || !a.dimension.equals(b.dimension)) {
      return Optional.empty();
    }
    return Optional.of(a.size.divide(b.size).stripTrailingZeros());
  }

  /** Staff write ㎥, m³, ｋＬ and the like; they mean the same unit. */
  static String normalize(String unit) {
    if (UNITS.containsKey(unit)) {
      return unit; // the common case, and 100,000 lines of it: skip the Unicode normalization
    }
    var u = java.text.Normalizer.normalize(unit.strip(), java.text.Normalizer.Form.NFKC);
    return u.replace("l", "L").replace("KL", "kL").replace("KWh", "kWh").replace("kwh", "kWh");
  }

  private record Unit(String dimension, BigDecimal size) {}
}

package jp.climatepdca.plan;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/** Where an indicator's actual values come from. */
public enum IndicatorSource {
  /** Entered by the department in its self-assessment or by the secretariat. */
  TYPED("入力"),
  /** The total of the current, accepted (verified) emissions inventory of the year, never typed. */
  INVENTORY("排出量の算定結果");

  private final String label;

  IndicatorSource(String label) {
    this.label = label;
  }

  private static final Map<String, BigDecimal> EMISSION_UNITS = Map.of("t-CO2", BigDecimal.ONE,
      "千t-CO2", BigDecimal.valueOf(1000), "万t-CO2", BigDecimal.valueOf(10000));

  public String label() {
    return label;
  }

  /** How many t-CO2 one unit of an INVENTORY indicator is (千t-CO2: 1000); empty for another unit. */
  public static Optional<BigDecimal> tonnesPerUnit(String unit) {
    return Optional.ofNullable(unit == null ? null : EMISSION_UNITS.get(unit.strip()));
  }
}

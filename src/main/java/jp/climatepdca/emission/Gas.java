package jp.climatepdca.emission;

import java.util.Arrays;
import java.util.Optional;

/** The greenhouse gases of the inventory; every figure is in t-CO2 equivalent. */
public enum Gas {
  CO2, CH4, N2O, HFCS, PFCS, SF6, NF3;

  static Optional<Gas> parse(String text) {
    var normalized = text.replace("₂", "2").replace("₄", "4").strip();
    return Arrays.stream(values()).filter(g -> g.name().equalsIgnoreCase(normalized)).findFirst();
  }
}

package jp.climatepdca.emission;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** 部門: the sectors of a municipality's GHG inventory, as the 区域施策編 manual groups them. */
public enum InventorySector {
  INDUSTRY("産業部門", "産業"),
  COMMERCIAL("業務その他部門", "業務その他", "業務"),
  HOUSEHOLD("家庭部門", "家庭"),
  TRANSPORT("運輸部門", "運輸"),
  WASTE("廃棄物分野", "廃棄物", "廃棄物部門");

  private final String label;
  private final List<String> aliases;

  InventorySector(String label, String... aliases) {
    this.label = label;
    this.aliases = List.of(aliases);
  }

  public String label() {
    return label;
  }

  /** A CSV cell names the sector in Japanese as staff write it, or by its code. */
  static Optional<InventorySector> parse(String text) {
    return Arrays.stream(values())
        .filter(s -> s.name().equalsIgnoreCase(text) || s.label.equals(text) || s.aliases.contains(text))
        .findFirst();
  }
}

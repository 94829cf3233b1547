package jp.climatepdca.plan;

/** 部門: the sectors of the GHG inventory, plus measures that span them. */
public enum Sector {
  INDUSTRY("産業部門"),
  COMMERCIAL("業務その他部門"),
  HOUSEHOLD("家庭部門"),
  TRANSPORT("運輸部門"),
  WASTE("廃棄物分野"),
  CROSS_SECTOR("分野横断");

  private final String label;

  Sector(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}

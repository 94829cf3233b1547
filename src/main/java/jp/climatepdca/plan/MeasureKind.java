package jp.climatepdca.plan;

/** 実施事業 (under way) or 検討事業 (still studied; promoted once it becomes a project). */
public enum MeasureKind {
  IMPLEMENTATION("実施事業"),
  STUDY("検討事業");

  private final String label;

  MeasureKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}

package jp.climatepdca.area;

/** Whether a theme working group still works on its theme. */
public enum WorkingGroupState {
  ACTIVE("活動中"),
  DISSOLVED("解散");

  private final String label;

  WorkingGroupState(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}

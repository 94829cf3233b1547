package jp.climatepdca.area;

/** The area's Action for a shared measure (圏域の施策の見直し). */
public enum AreaAction {
  CONTINUE("継続"), MODIFY("修正して継続"), DISCARD("廃止");

  private final String label;

  AreaAction(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}

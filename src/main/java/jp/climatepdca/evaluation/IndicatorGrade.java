package jp.climatepdca.evaluation;

/** An indicator's achievement grade (達成度); the rule is {@link IndicatorGrading} and docs/guide.md. */
public enum IndicatorGrade {
  ACHIEVED("達成"),
  ON_TRACK("順調"),
  BEHIND("遅れ"),
  NOT_ACHIEVED("未達成"),
  WORSE_THAN_BASE("基準年より悪化"),
  NO_DATA("データなし");

  private final String label;

  IndicatorGrade(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}

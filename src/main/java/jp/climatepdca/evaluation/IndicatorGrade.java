package jp.climatepdca.evaluation;

/**
 * An indicator's achievement grade (達成度); the rule of each indicator kind is {@link IndicatorGrading}
 * and docs/indicators.md.
 */
public enum IndicatorGrade {
  ACHIEVED("達成"),
  ON_TRACK("順調"),
  BEHIND("遅れ"),
  /** PATH without a base value, before its first target year: there is no path yet to be on. */
  BEFORE_TARGET_YEAR("目標年度前"),
  NOT_ACHIEVED("未達成"),
  WORSE_THAN_BASE("基準年より悪化"),
  MAINTAINED("維持"),
  NOT_MAINTAINED("維持できず"),
  DECREASED("前年度比減少"),
  NOT_DECREASED("前年度比で減少せず"),
  NO_PREVIOUS_YEAR("前年度の実績なし"),
  NO_DATA("データなし");

  private final String label;

  IndicatorGrade(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /**
   * Behind, missed or worse: what the review forms list first (docs/guide.md). データなし and the grades that
   * cannot judge yet (目標年度前, 前年度の実績なし) are not: nothing says the measure went wrong.
   */
  public boolean needsAttention() {
    return this == BEHIND || this == NOT_ACHIEVED || this == WORSE_THAN_BASE || this == NOT_MAINTAINED
        || this == NOT_DECREASED;
  }
}

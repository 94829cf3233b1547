package jp.climatepdca.assessment;

/** 進捗状況: the department's own grade of a measure's progress in the reviewed year. */
public enum Progress {
  COMPLETED("完了"),
  ON_TRACK("順調"),
  MOSTLY_ON_TRACK("概ね順調"),
  DELAYED("遅れ"),
  NOT_STARTED("未着手");

  private final String label;

  Progress(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}

package jp.climatepdca.review;

/** Who reviews: every level can return work with a comment. */
public enum ReviewLevel {
  DEPARTMENT_HEAD("所属長"),
  SECRETARIAT("事務局"),
  HEADQUARTERS("推進本部"),
  COMMITTEE("推進委員会"),
  /** 推進本部 approving the annual report's publication. */
  REPORT_APPROVAL("推進本部（公表の承認）"),
  /** 事務局 at the publishing step, which can still send the report back to its preparation. */
  REPORT_PUBLICATION("事務局（公表）"),
  /** The area's liaison meeting (連絡会議) returning one member's handed-in result to its secretariat. */
  AREA_LIAISON("圏域の連絡会議");

  private final String label;

  ReviewLevel(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}

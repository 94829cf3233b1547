package jp.climatepdca.review;

/** Who reviews: every level can return work with a comment. */
public enum ReviewLevel {
  DEPARTMENT_HEAD("所属長"),
  SECRETARIAT("事務局"),
  HEADQUARTERS("推進本部"),
  COMMITTEE("推進委員会");

  private final String label;

  ReviewLevel(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}

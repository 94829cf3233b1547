package jp.climatepdca.area;

/** Where a staff meeting stands; the label is what staff and the annual report read. */
public enum StaffMeetingState {
  CALLED("開催決定（議題の準備中）"),
  SCHEDULED("開催予定"),
  HELD("開催済み");

  private final String label;

  StaffMeetingState(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}

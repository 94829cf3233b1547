package jp.climatepdca.opinion;

/** Where an opinion stands in the secretariat's triage (docs/opinions.md). */
public enum OpinionStatus {
  RECEIVED("受付"),
  ACCEPTED("採用"),
  MERGED("統合"),
  REJECTED("不採用");

  private final String label;

  OpinionStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}

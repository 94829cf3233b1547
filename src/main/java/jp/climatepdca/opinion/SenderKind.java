package jp.climatepdca.opinion;

/** Who sent an opinion, as the sender chose on the form; stored by name, shown by its Japanese label. */
public enum SenderKind {
  CITIZEN("市民"),
  BUSINESS("事業者"),
  ORGANISATION("団体");

  private final String label;

  SenderKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}

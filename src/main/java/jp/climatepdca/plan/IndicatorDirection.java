package jp.climatepdca.plan;

/** Which way an indicator improves: emissions and waste go down, installations and shares go up. */
public enum IndicatorDirection {
  LOWER("低いほど良い"),
  HIGHER("高いほど良い");

  private final String label;

  IndicatorDirection(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** +1 when a larger value is better, −1 when a smaller one is. */
  public int sign() {
    return this == HIGHER ? 1 : -1;
  }
}

package jp.climatepdca.plan;

import java.util.Arrays;
import java.util.Optional;

/** Why a plan version was made: 策定 (the plan established), 中間見直し (mid-term review), 改定 (revision). */
public enum PlanReason {
  ESTABLISHED("策定"),
  MIDTERM_REVIEW("中間見直し"),
  REVISION("改定");

  private final String label;

  PlanReason(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The plan file may give the code or the Japanese label, as people write it. */
  static Optional<PlanReason> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    var s = text.strip();
    return Arrays.stream(values()).filter(r -> r.name().equals(s) || r.label.equals(s)).findFirst();
  }
}

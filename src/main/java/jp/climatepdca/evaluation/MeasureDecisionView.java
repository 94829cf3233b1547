package jp.climatepdca.evaluation;

import java.time.Instant;

/**
 * An Action decision as other features read it. {@code area}: the area whose decision on a shared measure it
 * is (null: the municipality's own); {@code replaced}: the municipality's own decision the area's replaced.
 */
public record MeasureDecisionView(int fiscalYear, String measureCode, ActionDecision decision, String note,
    String decidedBy, Instant decidedAt, String area, Replaced replaced) {

  /** The municipality's own decision, made before the area decided, which the area's replaced. */
  public record Replaced(ActionDecision decision, String note, String decidedBy) {}
}

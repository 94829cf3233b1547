package jp.climatepdca.plan;

/** A discarded measure (破棄) stays in the plan's history but is no longer assessed. */
public enum MeasureStatus {
  ACTIVE,
  DISCARDED
}

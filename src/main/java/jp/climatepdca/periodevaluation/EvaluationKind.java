package jp.climatepdca.periodevaluation;

import jp.climatepdca.plan.PlanReason;

/**
 * Which evaluation of the period: the mid-term year's (中間年度) revises the plan as a 中間見直し, the final
 * year's (最終年度) as a 改定 (the next plan, with its own period).
 */
enum EvaluationKind {
  MIDTERM("中間年度評価", PlanReason.MIDTERM_REVIEW),
  FINAL("最終年度評価", PlanReason.REVISION);

  private final String label;
  private final PlanReason revisionReason;

  EvaluationKind(String label, PlanReason revisionReason) {
    this.label = label;
    this.revisionReason = revisionReason;
  }

  String label() {
    return label;
  }

  PlanReason revisionReason() {
    return revisionReason;
  }
}

package jp.climatepdca.evaluation;

import jp.climatepdca.plan.PlanService.ReviewEffect;

/** 見直し: the Action step's decision for one measure, and what it does to next year's plan. */
public enum ActionDecision {
  CONTINUE("継続", ReviewEffect.KEEP),
  MODIFY("修正して継続", ReviewEffect.KEEP),
  DISCARD("廃止", ReviewEffect.DISCARD),
  PROMOTE("実施事業へ移行", ReviewEffect.PROMOTE);

  private final String label;
  private final ReviewEffect effect;

  ActionDecision(String label, ReviewEffect effect) {
    this.label = label;
    this.effect = effect;
  }

  public String label() {
    return label;
  }

  ReviewEffect effect() {
    return effect;
  }
}

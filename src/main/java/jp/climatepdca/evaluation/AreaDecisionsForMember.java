package jp.climatepdca.evaluation;

import java.util.List;

/**
 * The area's decisions on the shared measures a member takes part in, shown in the member's own Action step
 * (Task_ActionDecisions) beside its measures, and binding the member's own measures that carry them.
 * Implemented by the area feature (which may use evaluation; the reverse would be a cycle); a municipality
 * outside any area cycle of the year gets empty lists.
 */
public interface AreaDecisionsForMember {

  /** {@code memberMeasure}: the member's own measure carrying the shared one, or null. */
  record AreaDecisionRow(String areaName, String measureCode, String measureName, String kindLabel,
      String memberMeasure, String decisionLabel, String reason) {}

  /**
   * The area's decision on one of the member's own measures (the one carrying a shared measure): the
   * decision the member's Action step must take for it, the note naming the area's decision and reason,
   * the area, the shared measures it carries ({@code "AM-01 住宅の省エネルギー化"}) and who decided it for
   * the area.
   */
  record Binding(String memberMeasure, ActionDecision decision, String note, String area, String areaName,
      String sharedMeasures, String decidedBy) {}

  List<AreaDecisionRow> decisions(String municipality, int fiscalYear);

  /**
   * The area's decisions binding the member's own measures in its Action step of {@code fiscalYear}: only
   * for a member of that year's area cycle (area_cycle_member) and a measure its area plan names as carrying
   * a shared measure (area_measure_member), once the area decided.
   */
  List<Binding> binding(String municipality, int fiscalYear);
}

package jp.climatepdca.evaluation;

import java.util.List;

/**
 * The area's decisions on the shared measures a member takes part in, shown in the member's own Action step
 * (Task_ActionDecisions) beside its measures. Implemented by the area feature (which may use evaluation; the
 * reverse would be a cycle); a municipality outside any area gets an empty list.
 */
public interface AreaDecisionsForMember {

  /** {@code memberMeasure}: the member's own measure carrying the shared one, or null. */
  record AreaDecisionRow(String areaName, String measureCode, String measureName, String kindLabel,
      String memberMeasure, String decisionLabel, String reason) {}

  List<AreaDecisionRow> decisions(String municipality, int fiscalYear);
}

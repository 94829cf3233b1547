package jp.climatepdca.area;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.climatepdca.evaluation.AreaDecisionsForMember;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The area's Action as its members read it: for a member and the fiscal year whose plan it is shaping, the
 * area's decision on every shared measure the member implements or studies (the area cycle of the previous
 * fiscal year decided for this year's plan; a member's Action step of year N reads the area's decisions of
 * year N, which the area made before it notified the member).
 */
@Service
@Transactional(readOnly = true)
public class AreaActions implements AreaDecisionsForMember {

  /** One shared measure's decision as a member sees it; {@code memberMeasure} is its own measure's code, if any. */
  public record MemberDecision(String area, String areaName, int fiscalYear, String measureCode, String measureName,
      boolean keyProject, String kind, String memberMeasure, AreaAction decision, String decisionLabel, String reason,
      String decidedBy, Instant decidedAt) {}

  private final AreaPlanService areas;
  private final AreaMeasureDecisionRepository decisions;

  AreaActions(AreaPlanService areas, AreaMeasureDecisionRepository decisions) {
    this.areas = areas;
    this.decisions = decisions;
  }

  /** The area's decisions of {@code fiscalYear} on the shared measures the member takes part in, in the plan's order. */
  public List<MemberDecision> forMember(String municipality, int fiscalYear) {
    var result = new ArrayList<MemberDecision>();
    areas.areaOf(municipality, fiscalYear).ifPresent(area -> {
      for (var measure : areas.sharedMeasures(area.code())) {
        var role = measure.members().stream().filter(r -> r.municipality().equals(municipality)).findFirst();
        if (role.isEmpty()) {
          continue;
        }
        decisions.findByAreaCodeAndFiscalYearAndMeasureCode(area.code(), fiscalYear, measure.code())
            .filter(d -> d.decision() != null)
            .ifPresent(d -> result.add(new MemberDecision(area.code(), area.name(), fiscalYear, measure.code(),
                measure.name(), measure.keyProject(), role.get().kind(), role.get().memberMeasure(), d.decision(),
                d.decision().label(), d.reason(), d.decidedBy(), d.decidedAt())));
      }
    });
    return result;
  }

  /** The member's Action step (evaluation's Task_ActionDecisions) shows these beside its own measures. */
  @Override
  public List<AreaDecisionRow> decisions(String municipality, int fiscalYear) {
    return forMember(municipality, fiscalYear).stream().map(d -> new AreaDecisionRow(d.areaName(), d.measureCode(),
        d.measureName(), "STUDY".equals(d.kind()) ? "検討事業" : "実施事業", d.memberMeasure() == null ? "" : d.memberMeasure(),
        d.decisionLabel(), d.reason())).toList();
  }

  /** The area's decision of the year on one shared measure. */
  public Optional<AreaAction> decision(String area, int fiscalYear, String measureCode) {
    return decisions.findByAreaCodeAndFiscalYearAndMeasureCode(area, fiscalYear, measureCode)
        .map(AreaMeasureDecision::decision);
  }
}

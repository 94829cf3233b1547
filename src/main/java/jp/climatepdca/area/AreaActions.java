package jp.climatepdca.area;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import jp.climatepdca.evaluation.ActionDecision;
import jp.climatepdca.evaluation.AreaDecisionsForMember;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The area's Action as its members read it: for a member and the fiscal year whose plan it is shaping, the
 * area's decision on every shared measure the member implements or studies (a member's Action step of year
 * N reads the area's decisions of year N, which the area made before it notified the member). The area is
 * the one whose cycle of the year the member joined (area_cycle_member) and the member's parts come from the
 * area plan (area_measure_member): never from a variable.
 */
@Service
@Transactional(readOnly = true)
public class AreaActions implements AreaDecisionsForMember {

  /** A note that does not fit the decision's note column (4,000 characters) is cut; the area's table keeps it whole. */
  private static final int MAX_NOTE = 4000;

  /** One shared measure's decision as a member sees it; {@code memberMeasure} is its own measure's code, if any. */
  public record MemberDecision(String area, String areaName, int fiscalYear, String measureCode, String measureName,
      boolean keyProject, String kind, String memberMeasure, AreaAction decision, String decisionLabel, String reason,
      String decidedBy, Instant decidedAt) {}

  private final AreaPlanService areas;
  private final AreaMeasureDecisionRepository decisions;
  private final AreaCycleMemberRepository cycleMembers;

  AreaActions(AreaPlanService areas, AreaMeasureDecisionRepository decisions, AreaCycleMemberRepository cycleMembers) {
    this.areas = areas;
    this.decisions = decisions;
    this.cycleMembers = cycleMembers;
  }

  /** The area's decisions of {@code fiscalYear} on the shared measures the member takes part in, in the plan's order. */
  public List<MemberDecision> forMember(String municipality, int fiscalYear) {
    var result = new ArrayList<MemberDecision>();
    cycleMembers.findByMunicipalityCodeAndFiscalYear(municipality, fiscalYear)
        .flatMap(joined -> areas.find(joined.areaCode())).ifPresent(area -> {
          for (var measure : areas.sharedMeasures(area.code(), fiscalYear)) {
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

  /**
   * The area's decisions on the member's own measures that carry shared measures. A measure carrying two
   * shared measures the area decided alike takes that decision; decided differently, it is kept as
   * 修正して継続 when any of them continues (its part in the area changed), with each decision in the note.
   */
  @Override
  public List<Binding> binding(String municipality, int fiscalYear) {
    var byMeasure = new LinkedHashMap<String, List<MemberDecision>>();
    for (var d : forMember(municipality, fiscalYear)) {
      if (d.memberMeasure() != null) {
        byMeasure.computeIfAbsent(d.memberMeasure(), c -> new ArrayList<>()).add(d);
      }
    }
    return byMeasure.entrySet().stream().map(e -> binding(e.getKey(), e.getValue())).toList();
  }

  private static Binding binding(String memberMeasure, List<MemberDecision> decided) {
    var first = decided.get(0);
    var actions = decided.stream().map(MemberDecision::decision).distinct().toList();
    var action = actions.size() == 1 ? actions.get(0) : AreaAction.MODIFY;
    String note;
    if (decided.size() == 1) {
      note = "圏域（" + first.areaName() + "）の決定（" + first.measureCode() + " " + first.measureName() + "）: "
          + first.decisionLabel() + "。理由: " + first.reason();
    } else {
      note = "圏域（" + first.areaName() + "）の決定: " + action.label() + "（" + decided.stream()
          .map(d -> d.measureCode() + " " + d.measureName() + ": " + d.decisionLabel() + "。理由: " + d.reason())
          .collect(Collectors.joining("／")) + "）";
    }
    if (note.length() > MAX_NOTE) {
      note = note.substring(0, MAX_NOTE - 1) + "…";
    }
    var last = decided.stream().max(java.util.Comparator.comparing(MemberDecision::decidedAt)).orElseThrow();
    return new Binding(memberMeasure, ActionDecision.valueOf(action.name()), note, first.area(), first.areaName(),
        decided.stream().map(d -> d.measureCode() + " " + d.measureName()).collect(Collectors.joining("、")),
        last.decidedBy());
  }

  /** The area's decision of the year on one shared measure. */
  public Optional<AreaAction> decision(String area, int fiscalYear, String measureCode) {
    return decisions.findByAreaCodeAndFiscalYearAndMeasureCode(area, fiscalYear, measureCode)
        .map(AreaMeasureDecision::decision);
  }
}

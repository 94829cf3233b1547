package jp.climatepdca.evaluation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import jp.climatepdca.assessment.AssessmentView;
import jp.climatepdca.assessment.SelfAssessmentService;
import jp.climatepdca.evaluation.EvaluationService.DecisionInput;
import jp.climatepdca.plan.MeasureKind;
import jp.climatepdca.plan.MeasureView;
import jp.climatepdca.plan.PlanService;
import jp.climatepdca.system.CycleReference;
import jp.climatepdca.system.FormTaskListener;
import jp.climatepdca.system.TaskVariables;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Task_ActionDecisions (施策の見直し): for every active measure, continue, modify, discard, or promote a
 * study measure to implementation; the decisions shape next year's plan. A measure that carries a shared
 * measure of the member's area takes the area's decision (圏域の決定): it is listed apart (areaMeasures), pre-set and
 * read-only; its copy sent back is not read, a row among the member's own deciding it otherwise is refused, a
 * 400 naming the measure, and the note recorded is the area's
 * (docs/area-cycle.md). Which measures are bound comes from the area's tables, never from the form.
 */
@Component("actionDecisionsListener")
class ActionDecisionsListener extends FormTaskListener {

  static final String MEASURES = "measures";
  /** The measures the area decided (read-only in the form; the submitted copy is not read). */
  static final String AREA_MEASURES = "areaMeasures";
  private static final int MAX_NOTE = 4000;

  private final PlanService plan;
  private final SelfAssessmentService assessments;
  private final EvaluationService evaluations;
  private final TaskVariables variables;
  private final ObjectProvider<AreaDecisionsForMember> areaDecisions;
  private final OpinionsFromLastYear opinionsFromLastYear;

  ActionDecisionsListener(PlanService plan, SelfAssessmentService assessments, EvaluationService evaluations,
      TaskVariables variables, ObjectProvider<AreaDecisionsForMember> areaDecisions,
      OpinionsFromLastYear opinionsFromLastYear) {
    this.plan = plan;
    this.assessments = assessments;
    this.evaluations = evaluations;
    this.variables = variables;
    this.areaDecisions = areaDecisions;
    this.opinionsFromLastYear = opinionsFromLastYear;
  }

  @Override
  protected void onComplete(DelegateTask task, CycleReference cycle) {
    var measures = plan.activeMeasures(cycle.municipality(), CycleReference.reviewYear(task)).stream()
        .collect(Collectors.toMap(MeasureView::code, Function.identity()));
    var errors = new ArrayList<String>();
    var inputs = read(variables.rows(task, MEASURES), measures, bound(cycle), errors);
    refuseIfAny(errors);
    evaluations.decide(cycle.municipality(), cycle.fiscalYear(), inputs, variables.currentUser(task));
  }

  @Override
  protected void onCreate(DelegateTask task, CycleReference cycle) {
    var progress = assessments.all(cycle.municipality(), cycle.fiscalYear()).stream()
        .collect(Collectors.toMap(AssessmentView::measureCode, a -> a.progress().label()));
    var bound = bound(cycle);
    var rows = new ArrayList<Map<String, Object>>();
    var areaRows = new ArrayList<Map<String, Object>>();
    for (var m : plan.activeMeasures(cycle.municipality(), CycleReference.reviewYear(task))) {
      var row = new LinkedHashMap<String, Object>();
      row.put("measureCode", m.code());
      row.put("measureName", m.name());
      row.put("kindLabel", m.kind().label());
      row.put("progressLabel", progress.getOrDefault(m.code(), "―"));
      var area = bound.get(m.code());
      if (area == null) {
        row.put("decision", null);
        row.put("note", "");
        rows.add(row);
        continue;
      }
      // the area decided it: shown in its own read-only list; what counts is read again from the area's tables
      row.put("decision", area.decision().name());
      row.put("decisionLabel", area.decision().label());
      row.put("note", area.note());
      row.put("areaNotice", "圏域（" + area.areaName() + "）の共通施策 " + area.sharedMeasures() + " を実施する施策です。"
          + "圏域の決定「" + area.decision().label() + "」に従います（変更できません）");
      areaRows.add(row);
    }
    var opinions = evaluations.opinions(cycle.municipality(), cycle.fiscalYear()).stream().map(o -> {
      var row = new LinkedHashMap<String, Object>();
      row.put("measureCode", o.measureCode() == null ? "全体" : o.measureCode());
      row.put("opinion", o.opinion());
      return row;
    }).toList();
    variables.putRows(task, MEASURES, rows);
    variables.putRows(task, AREA_MEASURES, areaRows);
    variables.putRows(task, "committeeOpinions", opinions);
    // 川崎市's order: the committee heard last year's report after this cycle's predecessor ended
    opinionsFromLastYear.show(task);
    // a member of an area: what the area decided on the shared measures it implements or studies
    var area = areaDecisions.getIfAvailable();
    variables.putRows(task, "areaDecisions", area == null ? List.of() : area.decisions(cycle.municipality(), cycle.fiscalYear()));
  }

  /** The member's measures the area's Action decides, by the member's measure code (empty outside an area cycle). */
  private Map<String, AreaDecisionsForMember.Binding> bound(CycleReference cycle) {
    var area = areaDecisions.getIfAvailable();
    return area == null ? Map.of() : area.binding(cycle.municipality(), cycle.fiscalYear()).stream()
        .collect(Collectors.toMap(AreaDecisionsForMember.Binding::memberMeasure, Function.identity()));
  }

  private static List<DecisionInput> read(List<Map<String, Object>> rows, Map<String, MeasureView> measures,
      Map<String, AreaDecisionsForMember.Binding> bound, List<String> errors) {
    var inputs = new ArrayList<DecisionInput>();
    var seen = new HashSet<String>();
    for (var row : rows) {
      var code = String.valueOf(row.get("measureCode"));
      var measure = measures.get(code);
      if (measure == null) {
        errors.add("施策コード \"" + code + "\" は見直しの対象ではありません");
        continue;
      }
      if (!seen.add(code)) {
        errors.add(code + ": 同じ施策が2回入力されています");
        continue;
      }
      var area = bound.get(code);
      if (area != null) {
        areaDecision(code, row.get("decision"), area, errors).ifPresent(inputs::add);
        continue;
      }
      var decision = decision(code, row.get("decision"), measure, errors);
      var note = row.get("note") instanceof String s && !s.isBlank() ? s.strip() : null;
      if (note != null && note.length() > MAX_NOTE) {
        errors.add(code + ": 見直しの内容・理由は" + MAX_NOTE + "文字以内で入力してください");
      }
      if (decision == ActionDecision.MODIFY && note == null) {
        errors.add(code + ": 修正する場合は見直しの内容を入力してください");
      }
      if (decision != null) {
        inputs.add(new DecisionInput(code, decision, note, null));
      }
    }
    for (var code : measures.keySet().stream().filter(code -> !seen.contains(code)).sorted().toList()) {
      var area = bound.get(code);
      if (area == null) {
        errors.add(code + ": 見直しの判断がありません");
      } else {
        inputs.add(new DecisionInput(code, area.decision(), area.note(), area.area()));
      }
    }
    return inputs;
  }

  /**
   * A measure carrying a shared measure, submitted among the member's own rows (an API client sending every
   * measure): the area's decision, with the area's note (the member's own note on the row is not recorded:
   * the decision is the area's). A row left undecided takes it; any other decision is refused, so a client
   * that meant otherwise learns that its decision does not hold. Left out of the rows, it takes it too.
   */
  private static Optional<DecisionInput> areaDecision(String code, Object value,
      AreaDecisionsForMember.Binding area, List<String> errors) {
    var submitted = value == null ? "" : value.toString().strip();
    if (!submitted.isEmpty() && !submitted.equals(area.decision().name())) {
      String shown;
      try {
        shown = "「" + ActionDecision.valueOf(submitted).label() + "」";
      } catch (IllegalArgumentException e) {
        shown = "選択肢にない値";
      }
      errors.add(code + ": 圏域（" + area.areaName() + "）の共通施策 " + area.sharedMeasures() + " を実施する施策のため、"
          + "圏域の決定「" + area.decision().label() + "」に従います。" + shown + "にはできません（見直しの判断を「"
          + area.decision().label() + "」にしてください）");
      return Optional.empty();
    }
    return Optional.of(new DecisionInput(code, area.decision(), area.note(), area.area()));
  }

  private static ActionDecision decision(String code, Object value, MeasureView measure, List<String> errors) {
    if (value == null || value.toString().isBlank()) {
      errors.add(code + ": 見直しの判断（継続・修正・廃止・移行）を選んでください");
      return null;
    }
    try {
      var decision = ActionDecision.valueOf(value.toString());
      if (decision == ActionDecision.PROMOTE && measure.kind() != MeasureKind.STUDY) {
        errors.add(code + ": 実施事業へ移行できるのは検討事業だけです");
        return null;
      }
      return decision;
    } catch (IllegalArgumentException e) {
      errors.add(code + ": 判断の値 \"" + value + "\" は選択肢にありません");
      return null;
    }
  }
}

package jp.climatepdca.evaluation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * study measure to implementation; the decisions shape next year's plan.
 */
@Component("actionDecisionsListener")
class ActionDecisionsListener extends FormTaskListener {

  static final String MEASURES = "measures";
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
    var inputs = read(task, measures, errors);
    refuseIfAny(errors);
    evaluations.decide(cycle.municipality(), cycle.fiscalYear(), inputs, variables.currentUser(task));
  }

  @Override
  protected void onCreate(DelegateTask task, CycleReference cycle) {
    var progress = assessments.all(cycle.municipality(), cycle.fiscalYear()).stream()
        .collect(Collectors.toMap(AssessmentView::measureCode, a -> a.progress().label()));
    var rows = plan.activeMeasures(cycle.municipality(), CycleReference.reviewYear(task)).stream().map(m -> {
      var row = new LinkedHashMap<String, Object>();
      row.put("measureCode", m.code());
      row.put("measureName", m.name());
      row.put("kindLabel", m.kind().label());
      row.put("progressLabel", progress.getOrDefault(m.code(), "―"));
      row.put("decision", null);
      row.put("note", "");
      return row;
    }).toList();
    var opinions = evaluations.opinions(cycle.municipality(), cycle.fiscalYear()).stream().map(o -> {
      var row = new LinkedHashMap<String, Object>();
      row.put("measureCode", o.measureCode() == null ? "全体" : o.measureCode());
      row.put("opinion", o.opinion());
      return row;
    }).toList();
    variables.putRows(task, MEASURES, rows);
    variables.putRows(task, "committeeOpinions", opinions);
    // 川崎市's order: the committee heard last year's report after this cycle's predecessor ended
    opinionsFromLastYear.show(task);
    // a member of an area: what the area decided on the shared measures it implements or studies
    var area = areaDecisions.getIfAvailable();
    variables.putRows(task, "areaDecisions", area == null ? List.of() : area.decisions(cycle.municipality(), cycle.fiscalYear()));
  }

  private static List<DecisionInput> read(List<Map<String, Object>> rows, Map<String, MeasureView> measures,
      List<String> errors) {
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
      var decision = decision(code, row.get("decision"), measure, errors);
      var note = row.get("note") instanceof String s && !s.isBlank() ? s.strip() : null;
      if (note != null && note.length() > MAX_NOTE) {
        errors.add(code + ": 見直しの内容・理由は" + MAX_NOTE + "文字以内で入力してください");
      }
      if (decision == ActionDecision.MODIFY && note == null) {
        errors.add(code + ": 修正する場合は見直しの内容を入力してください");
      }
      if (decision != null) {
        inputs.add(new DecisionInput(code, decision, note));
      }
    }
    measures.keySet().stream().filter(code -> !seen.contains(code)).sorted()
        .forEach(code -> errors.add(code + ": 見直しの判断がありません"));
    return inputs;
  }

  private List<DecisionInput> read(DelegateTask task, Map<String, MeasureView> measures, List<String> errors) {
    return read(variables.rows(task, MEASURES), measures, errors);
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

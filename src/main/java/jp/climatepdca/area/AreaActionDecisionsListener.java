package jp.climatepdca.area;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import jp.climatepdca.system.CycleReference;
import jp.climatepdca.system.FormTaskListener;
import jp.climatepdca.system.TaskVariables;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Task_AreaActionDecisions (圏域の施策の見直し): per shared measure continue, modify or discard, each with its
 * reason. Stored in area_measure_decision; every implementing member's Action step reads it through
 * {@link AreaActions}.
 */
@Component("areaActionDecisionsListener")
class AreaActionDecisionsListener extends FormTaskListener {

  static final String MEASURES = "measures";

  private final AreaForms forms;
  private final AreaPlanService areas;
  private final AreaOpinionRepository opinions;
  private final AreaMeasureDecisionRepository decisions;
  private final TaskVariables variables;

  AreaActionDecisionsListener(AreaForms forms, AreaPlanService areas, AreaOpinionRepository opinions,
      AreaMeasureDecisionRepository decisions, TaskVariables variables) {
    this.forms = forms;
    this.areas = areas;
    this.opinions = opinions;
    this.decisions = decisions;
    this.variables = variables;
  }

  @Override
  protected void onCreate(DelegateTask task, CycleReference cycle) {
    forms.showHeader(task, cycle);
    variables.putRows(task, MEASURES, areas.sharedMeasures(cycle.municipality(), cycle.fiscalYear()).stream().map(m -> {
      var row = new LinkedHashMap<String, Object>();
      row.put("measureCode", m.code());
      row.put("measureName", m.name());
      row.put("keyProjectLabel", m.keyProject() ? "重点事業" : "");
      row.put("membersLabel", m.members().stream()
          .map(r -> forms.memberName(r.municipality()) + "（" + ("STUDY".equals(r.kind()) ? "検討" : "実施") + "）")
          .collect(Collectors.joining("、")));
      row.put("decision", null);
      row.put("reason", "");
      return row;
    }).toList());
    variables.putRows(task, "opinionResponses", opinions.findByAreaCodeAndFiscalYearOrderByPosition(cycle.municipality(),
        cycle.fiscalYear()).stream().map(o -> {
          var row = new LinkedHashMap<String, Object>();
          row.put("subject", o.subject() == null ? "全体" : o.subject());
          row.put("opinion", o.opinion());
          row.put("response", o.response() == null ? "" : o.response());
          return row;
        }).toList());
  }

  @Override
  protected void onComplete(DelegateTask task, CycleReference cycle) {
    var measures = areas.sharedMeasures(cycle.municipality(), cycle.fiscalYear()).stream()
        .collect(Collectors.toMap(SharedMeasureView::code, Function.identity()));
    var errors = new ArrayList<String>();
    var read = read(variables.rows(task, MEASURES), measures, errors);
    refuseIfAny(errors);
    var user = variables.currentUser(task);
    var now = Instant.now();
    read.forEach((code, decided) -> {
      var decision = decisions.findByAreaCodeAndFiscalYearAndMeasureCode(cycle.municipality(), cycle.fiscalYear(), code)
          .orElseGet(() -> new AreaMeasureDecision(cycle.municipality(), cycle.fiscalYear(), code));
      decision.decide(decided.action(), decided.reason(), user, now);
      decisions.save(decision);
    });
  }

  private record Decided(AreaAction action, String reason) {}

  private static Map<String, Decided> read(List<Map<String, Object>> rows, Map<String, SharedMeasureView> measures,
      List<String> errors) {
    var read = new LinkedHashMap<String, Decided>();
    var seen = new HashSet<String>();
    for (var row : rows) {
      var code = String.valueOf(row.get("measureCode"));
      if (!measures.containsKey(code)) {
        errors.add("施策コード \"" + code + "\" は圏域計画の共通施策ではありません");
        continue;
      }
      if (!seen.add(code)) {
        errors.add(code + ": 同じ施策が2回入力されています");
        continue;
      }
      var reason = AreaText.cell(row, "reason", code + ": 理由", AreaText.NOTE, errors);
      if (reason == null) {
        errors.add(code + ": 見直しの理由を入力してください");
      }
      var value = row.get("decision");
      AreaAction action = null;
      if (value == null || value.toString().isBlank()) {
        errors.add(code + ": 見直し区分（継続・修正して継続・廃止）を選んでください");
      } else {
        try {
          action = AreaAction.valueOf(value.toString());
        } catch (IllegalArgumentException e) {
          errors.add(code + ": 見直し区分の値 \"" + value + "\" は選択肢にありません");
        }
      }
      if (action != null && reason != null) {
        read.put(code, new Decided(action, reason));
      }
    }
    measures.keySet().stream().filter(code -> !seen.contains(code)).sorted()
        .forEach(code -> errors.add(code + ": 見直しの判断がありません"));
    return read;
  }
}

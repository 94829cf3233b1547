package jp.climatepdca.area;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import jp.climatepdca.system.CycleReference;
import jp.climatepdca.system.FormTaskListener;
import jp.climatepdca.system.TaskVariables;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** Task_RespondToOpinions (意見への対応): the area secretariat answers every opinion of the committee. */
@Component("areaOpinionResponsesListener")
class AreaOpinionResponsesListener extends FormTaskListener {

  static final String RESPONSES = "responses";

  private final AreaForms forms;
  private final AreaOpinionRepository opinions;
  private final TaskVariables variables;

  AreaOpinionResponsesListener(AreaForms forms, AreaOpinionRepository opinions, TaskVariables variables) {
    this.forms = forms;
    this.opinions = opinions;
    this.variables = variables;
  }

  @Override
  protected void onCreate(DelegateTask task, CycleReference cycle) {
    forms.showHeader(task, cycle);
    variables.putRows(task, RESPONSES, opinions.findByAreaCodeAndFiscalYearOrderByPosition(cycle.municipality(),
        cycle.fiscalYear()).stream().map(o -> {
          var row = new LinkedHashMap<String, Object>();
          row.put("id", o.id());
          row.put("subject", o.subject() == null ? "全体" : o.subject());
          row.put("opinion", o.opinion());
          row.put("response", o.response() == null ? "" : o.response());
          return row;
        }).toList());
  }

  @Override
  protected void onComplete(DelegateTask task, CycleReference cycle) {
    var byId = opinions.findByAreaCodeAndFiscalYearOrderByPosition(cycle.municipality(), cycle.fiscalYear()).stream()
        .collect(Collectors.toMap(o -> String.valueOf(o.id()), Function.identity()));
    var errors = new ArrayList<String>();
    var answered = new HashSet<String>();
    var responses = new LinkedHashMap<AreaOpinion, String>();
    for (var row : variables.rows(task, RESPONSES)) {
      var id = String.valueOf(row.get("id"));
      var opinion = byId.get(id);
      if (opinion == null || !answered.add(id)) {
        errors.add("意見 \"" + id + "\" はこの年度の意見聴取委員会の意見ではないか、2回入力されています");
        continue;
      }
      var label = "意見（" + (opinion.subject() == null ? "全体" : opinion.subject()) + "）への対応";
      var response = AreaText.cell(row, "response", label, AreaText.NOTE, errors);
      if (response == null) {
        errors.add(label + "を入力してください");
      }
      responses.put(opinion, response);
    }
    byId.keySet().stream().filter(id -> !answered.contains(id)).sorted()
        .forEach(id -> errors.add("意見 " + id + " への対応がありません"));
    refuseIfAny(errors);
    var user = variables.currentUser(task);
    var now = Instant.now();
    responses.forEach((opinion, response) -> opinion.respond(response, user, now));
  }
}

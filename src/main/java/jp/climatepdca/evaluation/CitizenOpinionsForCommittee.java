package jp.climatepdca.evaluation;

import java.util.LinkedHashMap;
import java.util.Map;
import jp.climatepdca.opinion.OpinionTriageService;
import jp.climatepdca.opinion.OpinionTriageService.AcceptedOpinion;
import jp.climatepdca.plan.PlanService;
import jp.climatepdca.system.CycleReference;
import jp.climatepdca.system.TaskVariables;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The committee's pack: the citizens' and businesses' opinions the secretariat accepted
 * (docs/opinion-triage.md), each with how many were merged into it and the town's response, for
 * committee-review.form's group 市民・事業者からの意見. Neither the sender's name nor contact is shown.
 */
@Component
class CitizenOpinionsForCommittee {

  static final String ROWS = "citizenOpinions";
  static final String NOTE = "citizenOpinionsNote";

  private final OpinionTriageService opinions;
  private final PlanService plan;
  private final TaskVariables variables;

  CitizenOpinionsForCommittee(OpinionTriageService opinions, PlanService plan, TaskVariables variables) {
    this.opinions = opinions;
    this.plan = plan;
    this.variables = variables;
  }

  void show(DelegateTask task, CycleReference cycle) {
    var names = new LinkedHashMap<String, String>();
    plan.measures(cycle.municipality()).forEach(m -> names.putIfAbsent(m.code(), m.name()));
    var accepted = opinions.accepted(cycle.municipality(), cycle.fiscalYear());
    var merged = accepted.stream().mapToInt(AcceptedOpinion::merged).sum();
    variables.putText(task, NOTE, accepted.isEmpty() ? "採用した市民・事業者からの意見はありません。"
        : "事務局が採用した意見は" + accepted.size() + "件です（同じ趣旨として統合した意見" + merged + "件を含めて整理）。");
    variables.putRows(task, ROWS, accepted.stream().map(a -> row(a, names)).toList());
  }

  private static Map<String, Object> row(AcceptedOpinion a, Map<String, String> names) {
    var row = new LinkedHashMap<String, Object>();
    row.put("reference", a.reference());
    row.put("senderKindLabel", a.senderKindLabel());
    row.put("measure", a.measureCode() == null ? "計画全体" : a.measureCode() + " " + names.getOrDefault(a.measureCode(), ""));
    row.put("body", a.body());
    row.put("merged", a.merged() == 0 ? "―" : a.merged() + "件");
    row.put("response", a.response() == null ? "" : a.response());
    return row;
  }
}

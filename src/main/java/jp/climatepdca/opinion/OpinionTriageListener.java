package jp.climatepdca.opinion;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.climatepdca.opinion.OpinionTriageService.Decision;
import jp.climatepdca.plan.PlanService;
import jp.climatepdca.system.CycleReference;
import jp.climatepdca.system.FormTaskListener;
import jp.climatepdca.system.Quoted;
import jp.climatepdca.system.TaskVariables;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Task_OpinionTriage (市民・事業者意見の整理): lists the town's opinions of the year still waiting
 * (forms/opinion-triage.form) and writes the secretariat's decisions through {@link OpinionTriageService}. A
 * row names its opinion by the reference it shows (read-only), which the service looks up in the town's year
 * among the opinions still waiting: an id or reference sent back is never taken on trust. The sender's name
 * and contact are not put on the task (task variables stay in the engine's history).
 */
@Component("opinionTriageListener")
class OpinionTriageListener extends FormTaskListener {

  static final String OPINIONS = "opinions";
  static final String MERGE_OPTIONS = "mergeOptions";
  static final String COUNT = "opinionCount";
  private static final int PREVIEW = 30;

  private final OpinionTriageService triage;
  private final PlanService plan;
  private final TaskVariables variables;

  OpinionTriageListener(OpinionTriageService triage, PlanService plan, TaskVariables variables) {
    this.triage = triage;
    this.plan = plan;
    this.variables = variables;
  }

  @Override
  protected void onCreate(DelegateTask task, CycleReference cycle) {
    var names = new LinkedHashMap<String, String>();
    plan.measures(cycle.municipality()).forEach(m -> names.putIfAbsent(m.code(), m.name()));
    var received = triage.received(cycle.municipality(), cycle.fiscalYear());
    variables.putText(task, "municipalityName", plan.municipality(cycle.municipality()).name());
    variables.putText(task, COUNT, received.isEmpty() ? "整理する意見はありません。"
        : "受け付けた意見は" + received.size() + "件です。");
    variables.putRows(task, OPINIONS, received.stream().map(o -> row(o, names)).toList());
    var options = new ArrayList<Map<String, Object>>();
    triage.accepted(cycle.municipality(), cycle.fiscalYear())
        .forEach(a -> options.add(option(a.reference(), a.body(), "採用済み")));
    received.forEach(o -> options.add(option(o.reference(), o.body(), "この一覧")));
    variables.putRows(task, MERGE_OPTIONS, options);
  }

  @Override
  protected void onComplete(DelegateTask task, CycleReference cycle) {
    var errors = new ArrayList<String>();
    var decisions = new ArrayList<Decision>();
    var rows = variables.rows(task, OPINIONS);
    for (int i = 0; i < rows.size(); i++) {
      var row = rows.get(i);
      var label = (i + 1) + "件目";
      var reference = text(row, "reference", label, errors);
      var position = reference == null ? label : reference;
      var decision = text(row, "decision", position, errors);
      decisions.add(new Decision(reference, status(decision), text(row, "mergeInto", position, errors),
          text(row, "reason", position, errors), text(row, "response", position, errors)));
    }
    refuseIfAny(errors);
    triage.triage(cycle.municipality(), cycle.fiscalYear(), decisions, variables.currentUser(task));
  }

  private static Map<String, Object> row(PublicOpinion o, Map<String, String> names) {
    var row = new LinkedHashMap<String, Object>();
    row.put("reference", o.reference());
    row.put("senderKindLabel", o.senderKind().label());
    row.put("measure", o.measureCode() == null ? "計画全体"
        : o.measureCode() + " " + names.getOrDefault(o.measureCode(), ""));
    row.put("receivedOn", LocalDate.ofInstant(o.receivedAt(), OpinionWindow.JAPAN).toString());
    row.put("body", o.body());
    row.put("decision", "");
    row.put("mergeInto", "");
    row.put("reason", "");
    row.put("response", "");
    return row;
  }

  private static Map<String, Object> option(String reference, String body, String where) {
    var preview = Quoted.cut(body, PREVIEW);
    return Map.of("label", reference + "（" + where + "）" + preview, "value", reference);
  }

  /** A text cell, or null when empty; anything else than text is the sender's mistake, named. */
  private static String text(Map<String, Object> row, String key, String position, List<String> errors) {
    var value = row.get(key);
    if (value == null || value instanceof String s && s.isBlank()) {
      return null;
    }
    if (!(value instanceof String s)) {
      errors.add(position + ": " + key + " は文字列で入力してください");
      return null;
    }
    return s;
  }

  private static OpinionStatus status(String decision) {
    if (decision == null) {
      return null;
    }
    return switch (decision.strip()) {
      case "ACCEPTED" -> OpinionStatus.ACCEPTED;
      case "MERGED" -> OpinionStatus.MERGED;
      case "REJECTED" -> OpinionStatus.REJECTED;
      default -> null;
    };
  }
}

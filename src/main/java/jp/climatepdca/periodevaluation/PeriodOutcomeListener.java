package jp.climatepdca.periodevaluation;

import java.util.ArrayList;
import jp.climatepdca.system.CycleReference;
import jp.climatepdca.system.FormTaskListener;
import jp.climatepdca.system.TaskVariables;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Task_DecidePeriodOutcome (計画の継続・見直しの決定, 推進本部): after hearing the committee, headquarters
 * continues the plan as it is (the evaluation ends) or revises it (the secretariat drafts the next version).
 */
@Component("periodOutcomeListener")
class PeriodOutcomeListener extends FormTaskListener {

  static final String OUTCOME = "outcome";
  static final String REASON = "outcomeReason";
  static final String CONTINUE = "CONTINUE";
  static final String REVISE = "REVISE";

  private final PeriodEvaluationForms forms;
  private final PeriodEvaluationStore store;
  private final TaskVariables variables;

  PeriodOutcomeListener(PeriodEvaluationForms forms, PeriodEvaluationStore store, TaskVariables variables) {
    this.forms = forms;
    this.store = store;
    this.variables = variables;
  }

  @Override
  protected void onCreate(DelegateTask task, CycleReference cycle) {
    forms.show(task, cycle);
    variables.declare(task, OUTCOME, REASON);
  }

  @Override
  protected void onComplete(DelegateTask task, CycleReference cycle) {
    var errors = new ArrayList<String>();
    var outcome = variables.text(task, OUTCOME).orElse(null);
    if (outcome == null) {
      errors.add("結論（計画を継続する・計画を見直す）を選んでください");
    } else if (!outcome.equals(CONTINUE) && !outcome.equals(REVISE)) {
      errors.add("結論の値 \"" + outcome + "\" は使えません（CONTINUE または REVISE）");
    }
    var reason = forms.requiredText(task, REASON, "結論の理由", errors);
    PeriodEvaluationForms.refuseIfAny(errors);
    var row = forms.evaluation(cycle);
    store.update(row.id(), "outcome", outcome);
    store.update(row.id(), "outcome_reason", reason);
    if (CONTINUE.equals(outcome)) {
      store.finish(row.id(), null);
    }
    task.getExecution().setVariable(PlanPeriodEvaluationProcess.PLAN_REVISION, REVISE.equals(outcome));
  }
}

package jp.climatepdca.periodevaluation;

import java.util.ArrayList;
import jp.climatepdca.review.ReviewForm;
import jp.climatepdca.review.ReviewOutcome;
import jp.climatepdca.system.CycleReference;
import jp.climatepdca.system.FormTaskListener;
import jp.climatepdca.system.TaskVariables;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Task_HeadquartersPeriodEvaluation (推進本部の評価): evaluates the period so far, or returns it to the
 * secretariat, whose trend is then compiled anew. Not written to the review log: that log's headquarters
 * approvals close a fiscal year's cycle (evaluation.EvaluatedPlanYears), which this evaluation must not.
 */
@Component("periodHeadquartersListener")
class PeriodHeadquartersListener extends FormTaskListener {

  static final String EVALUATION = "headquartersEvaluation";

  private final PeriodEvaluationForms forms;
  private final PeriodEvaluationStore store;
  private final ReviewForm reviewForm;
  private final TaskVariables variables;

  PeriodHeadquartersListener(PeriodEvaluationForms forms, PeriodEvaluationStore store, ReviewForm reviewForm,
      TaskVariables variables) {
    this.forms = forms;
    this.store = store;
    this.reviewForm = reviewForm;
    this.variables = variables;
  }

  @Override
  protected void onCreate(DelegateTask task, CycleReference cycle) {
    var row = forms.show(task, cycle);
    variables.putText(task, EVALUATION, row.headquartersEvaluation());
    reviewForm.declare(task);
  }

  @Override
  protected void onComplete(DelegateTask task, CycleReference cycle) {
    var errors = new ArrayList<String>();
    var outcome = reviewForm.read(task, errors);
    var evaluation = outcome == ReviewOutcome.RETURN ? variables.text(task, EVALUATION).orElse(null)
        : forms.requiredText(task, EVALUATION, "推進本部の評価", errors);
    PeriodEvaluationForms.refuseIfAny(errors);
    var row = forms.evaluation(cycle);
    if (evaluation != null) {
      store.update(row.id(), "headquarters_evaluation", evaluation);
    }
    if (outcome == ReviewOutcome.RETURN) {
      store.update(row.id(), "return_comment", variables.text(task, ReviewForm.COMMENT).orElseThrow());
    }
    task.getExecution().setVariable(PlanPeriodEvaluationProcess.TREND_EVALUATED, outcome == ReviewOutcome.APPROVE);
  }
}

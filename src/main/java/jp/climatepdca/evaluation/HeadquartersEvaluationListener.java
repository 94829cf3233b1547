package jp.climatepdca.evaluation;

import java.util.ArrayList;
import jp.climatepdca.cycle.FiscalYearCycleProcess;
import jp.climatepdca.review.ReviewForm;
import jp.climatepdca.review.ReviewLevel;
import jp.climatepdca.review.ReviewOutcome;
import jp.climatepdca.system.CycleReference;
import jp.climatepdca.system.FormTaskListener;
import jp.climatepdca.system.TaskVariables;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** Task_HeadquartersEvaluation (推進本部の庁内評価): evaluates, or returns the compile to the secretariat. */
@Component("headquartersEvaluationListener")
class HeadquartersEvaluationListener extends FormTaskListener {

  static final String EVALUATION = "evaluation";

  private final CheckContext context;
  private final EvaluationService evaluations;
  private final ReviewForm reviewForm;
  private final TaskVariables variables;

  HeadquartersEvaluationListener(CheckContext context, EvaluationService evaluations, ReviewForm reviewForm,
      TaskVariables variables) {
    this.context = context;
    this.evaluations = evaluations;
    this.reviewForm = reviewForm;
    this.variables = variables;
  }

  @Override
  protected void onCreate(DelegateTask task, CycleReference cycle) {
    context.show(task);
    variables.putText(task, EVALUATION, evaluations.evaluation(cycle.municipality(), cycle.fiscalYear())
        .headquartersEvaluation());
    reviewForm.declare(task);
  }

  @Override
  protected void onComplete(DelegateTask task, CycleReference cycle) {
    var errors = new ArrayList<String>();
    var outcome = reviewForm.read(task, errors);
    // A return needs only its reason; an approval needs the evaluation itself.
    var evaluation = outcome == ReviewOutcome.RETURN ? variables.text(task, EVALUATION).orElse(null)
        : LongText.required(variables, task, EVALUATION, "推進本部の庁内評価", errors);
    refuseIfAny(errors);
    if (evaluation != null) {
      evaluations.saveHeadquartersEvaluation(cycle.municipality(), cycle.fiscalYear(), evaluation);
    }
    reviewForm.record(task, cycle.municipality(), cycle.fiscalYear(), null, ReviewLevel.HEADQUARTERS, outcome);
    task.getExecution().setVariable(FiscalYearCycleProcess.HEADQUARTERS_APPROVED, outcome == ReviewOutcome.APPROVE);
  }
}

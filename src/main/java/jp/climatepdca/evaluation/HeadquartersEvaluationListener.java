package jp.climatepdca.evaluation;

import java.util.ArrayList;
import jp.climatepdca.cycle.FiscalYearCycleProcess;
import jp.climatepdca.review.ReviewForm;
import jp.climatepdca.review.ReviewLevel;
import jp.climatepdca.review.ReviewOutcome;
import jp.climatepdca.system.CycleReference;
import jp.climatepdca.system.TaskInputException;
import jp.climatepdca.system.TaskVariables;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Task_HeadquartersEvaluation (推進本部の庁内評価): evaluates, or returns the compile to the secretariat. */
@Component("headquartersEvaluationListener")
class HeadquartersEvaluationListener implements TaskListener {

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
  public void notify(DelegateTask task) {
    var cycle = CycleReference.of(task);
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      context.show(task);
      variables.putText(task, EVALUATION, evaluations.evaluation(cycle.municipality(), cycle.fiscalYear())
          .headquartersEvaluation());
      reviewForm.declare(task);
    } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      var errors = new ArrayList<String>();
      var outcome = reviewForm.read(task, errors);
      // A return needs only its reason; an approval needs the evaluation itself.
      var evaluation = outcome == ReviewOutcome.RETURN ? variables.text(task, EVALUATION).orElse(null)
          : LongText.required(variables, task, EVALUATION, "推進本部の庁内評価", errors);
      if (!errors.isEmpty()) {
        throw new TaskInputException(errors);
      }
      if (evaluation != null) {
        evaluations.saveHeadquartersEvaluation(cycle.municipality(), cycle.fiscalYear(), evaluation);
      }
      reviewForm.record(task, cycle.municipality(), cycle.fiscalYear(), null, ReviewLevel.HEADQUARTERS, outcome);
      task.getExecution().setVariable(FiscalYearCycleProcess.HEADQUARTERS_APPROVED, outcome == ReviewOutcome.APPROVE);
    }
  }
}

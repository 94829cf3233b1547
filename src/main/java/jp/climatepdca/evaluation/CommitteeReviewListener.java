package jp.climatepdca.evaluation;

import java.util.ArrayList;
import java.util.List;
import jp.climatepdca.cycle.CycleGovernance;
import jp.climatepdca.cycle.FiscalYearCycleProcess;
import jp.climatepdca.evaluation.EvaluationService.OpinionInput;
import jp.climatepdca.plan.MeasureView;
import jp.climatepdca.plan.PlanService;
import jp.climatepdca.review.ReviewForm;
import jp.climatepdca.review.ReviewLevel;
import jp.climatepdca.review.ReviewOutcome;
import jp.climatepdca.system.CycleReference;
import jp.climatepdca.system.FormTaskListener;
import jp.climatepdca.system.TaskVariables;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Task_CommitteeReview (推進委員会の点検評価): records the committee's opinions and whether it accepts
 * the evaluation or asks the secretariat for changes.
 */
@Component("committeeReviewListener")
class CommitteeReviewListener extends FormTaskListener {

  static final String OPINIONS = "opinions";
  /** Shown by the form: false hides the return (an advisory body, or the hearing after publication). */
  static final String MAY_RETURN = "committeeMayReturn";
  private static final int MAX_OPINION = 4000;

  private final CheckContext context;
  private final EvaluationService evaluations;
  private final PlanService plan;
  private final ReviewForm reviewForm;
  private final TaskVariables variables;
  private final CycleGovernance governance;
  private final CitizenOpinionsForCommittee citizenOpinions;

  CommitteeReviewListener(CheckContext context, EvaluationService evaluations, PlanService plan, ReviewForm reviewForm,
      TaskVariables variables, CycleGovernance governance, CitizenOpinionsForCommittee citizenOpinions) {
    this.governance = governance;
    this.citizenOpinions = citizenOpinions;
    this.context = context;
    this.evaluations = evaluations;
    this.plan = plan;
    this.reviewForm = reviewForm;
    this.variables = variables;
  }

  @Override
  protected void onCreate(DelegateTask task, CycleReference cycle) {
    context.show(task);
    citizenOpinions.show(task, cycle);
    variables.putRows(task, OPINIONS, List.of());
    reviewForm.declare(task);
    task.setVariableLocal(MAY_RETURN, mayReturn(task, cycle));
  }

  @Override
  protected void onComplete(DelegateTask task, CycleReference cycle) {
    var errors = new ArrayList<String>();
    ReviewOutcome outcome;
    if (mayReturn(task, cycle)) {
      outcome = reviewForm.read(task, errors);
    } else {
      // the form hides the return; a RETURN sent anyway (REST) is refused, not taken as approval
      outcome = ReviewOutcome.APPROVE;
      if (variables.text(task, ReviewForm.DECISION).filter(d -> !d.equals(ReviewOutcome.APPROVE.name())).isPresent()) {
        errors.add(governance.name(cycle.municipality(), cycle.fiscalYear(), "committee", "推進委員会")
            + "は意見を述べる機関のため、差し戻しはできません（意見だけを入力してください）");
      }
    }
    var opinions = opinions(task, cycle, errors);
    refuseIfAny(errors);
    evaluations.addOpinions(cycle.municipality(), cycle.fiscalYear(), task.getId(), variables.currentUser(task),
        opinions);
    reviewForm.record(task, cycle.municipality(), cycle.fiscalYear(), null, ReviewLevel.COMMITTEE, outcome);
    task.getExecution().setVariable(FiscalYearCycleProcess.COMMITTEE_ACCEPTED, outcome == ReviewOutcome.APPROVE);
  }

  /** Only an approving committee before publication may send the result back (docs/governance.md). */
  private boolean mayReturn(DelegateTask task, CycleReference cycle) {
    return FiscalYearCycleProcess.TASK_COMMITTEE_REVIEW.equals(task.getTaskDefinitionKey())
        && governance.committeeMayReturn(cycle.municipality(), cycle.fiscalYear());
  }

  private List<OpinionInput> opinions(DelegateTask task, CycleReference cycle, List<String> errors) {
    var known = plan.measures(cycle.municipality()).stream().map(MeasureView::code).toList();
    var result = new ArrayList<OpinionInput>();
    var rows = variables.rows(task, OPINIONS);
    for (int i = 0; i < rows.size(); i++) {
      var row = rows.get(i);
      var label = "意見" + (i + 1);
      var measure = row.get("measureCode") instanceof String s && !s.isBlank() ? s.strip() : null;
      var opinion = row.get("opinion") instanceof String s && !s.isBlank() ? s.strip() : null;
      if (measure == null && opinion == null) {
        continue; // an empty row the form added by default
      }
      if (measure != null && !known.contains(measure)) {
        errors.add(label + ": 施策コード \"" + measure + "\" は計画にありません");
      }
      if (opinion == null) {
        errors.add(label + ": 意見・助言の本文を入力してください");
      } else if (opinion.length() > MAX_OPINION) {
        errors.add(label + ": " + MAX_OPINION + "文字以内で入力してください（" + opinion.length() + "文字）");
      }
      result.add(new OpinionInput(measure, opinion));
    }
    return result;
  }
}

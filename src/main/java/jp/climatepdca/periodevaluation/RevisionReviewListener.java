package jp.climatepdca.periodevaluation;

import java.util.ArrayList;
import jp.climatepdca.plan.PlanGovernance;
import jp.climatepdca.plan.PlanGovernanceService;
import jp.climatepdca.review.ReviewForm;
import jp.climatepdca.review.ReviewOutcome;
import jp.climatepdca.system.CycleReference;
import jp.climatepdca.system.FormTaskListener;
import jp.climatepdca.system.TaskVariables;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Task_CommitteeRevisionReview (改定案の審議, 推進委員会・環境審議会): the committee reads the secretariat's draft
 * as its difference from the version in force and gives its opinions on it. As the plan's governance says
 * (docs/governance.md): an advisory committee gives opinions only; an approving one (the default) may send
 * the draft back to the secretariat with a reason. Headquarters' approval then shows the opinions.
 */
@Component("revisionReviewListener")
class RevisionReviewListener extends FormTaskListener {

  static final String OPINIONS = "revisionOpinions";
  /** Shown by the form: false hides the return (an advisory committee). */
  static final String MAY_RETURN = "committeeMayReturn";
  private static final String DEFAULT_NAME = "推進委員会";

  private final PeriodEvaluationForms forms;
  private final PeriodEvaluationStore store;
  private final RevisionRows rows;
  private final ReviewForm reviewForm;
  private final TaskVariables variables;
  private final PlanGovernanceService governance;

  RevisionReviewListener(PeriodEvaluationForms forms, PeriodEvaluationStore store, RevisionRows rows,
      ReviewForm reviewForm, TaskVariables variables, PlanGovernanceService governance) {
    this.forms = forms;
    this.store = store;
    this.rows = rows;
    this.reviewForm = reviewForm;
    this.variables = variables;
    this.governance = governance;
  }

  @Override
  protected void onCreate(DelegateTask task, CycleReference cycle) {
    var row = forms.show(task, cycle);
    // Tasklist's list shows only the name: the body the plan names (環境審議会), as the cycle's review tasks do
    committee(cycle).map(PlanGovernance.Body::name).filter(n -> !n.isBlank())
        .ifPresent(name -> task.setName("改定案の審議（" + name + "）"));
    variables.putText(task, "revisionReason", row.kind().revisionReason().label());
    variables.putText(task, "committeeName", committeeName(cycle));
    variables.putText(task, "outcomeReasonShown", row.outcomeReason());
    rows.show(task, row.municipality(), row.revisedDocument());
    variables.putText(task, OPINIONS, store.revisionOpinions(row.id()));
    reviewForm.declare(task);
    task.setVariableLocal(MAY_RETURN, mayReturn(cycle));
  }

  @Override
  protected void onComplete(DelegateTask task, CycleReference cycle) {
    var errors = new ArrayList<String>();
    var opinions = forms.requiredText(task, OPINIONS, "改定案に対する意見", errors);
    ReviewOutcome outcome;
    if (mayReturn(cycle)) {
      outcome = reviewForm.read(task, errors);
    } else {
      // the form hides the return; a RETURN sent anyway (REST) is refused, not taken as agreement
      outcome = ReviewOutcome.APPROVE;
      if (variables.text(task, ReviewForm.DECISION).filter(d -> !d.equals(ReviewOutcome.APPROVE.name())).isPresent()) {
        errors.add(committeeName(cycle) + "は意見を述べる機関のため、改定案を差し戻すことはできません（意見だけを入力してください）");
      }
    }
    PeriodEvaluationForms.refuseIfAny(errors);
    var row = forms.evaluation(cycle);
    store.update(row.id(), "revision_opinions", opinions);
    if (outcome == ReviewOutcome.RETURN) {
      store.update(row.id(), "return_comment", committeeName(cycle) + "の審議で差し戻されました: "
          + variables.text(task, ReviewForm.COMMENT).orElseThrow());
    }
    task.getExecution().setVariable(PlanPeriodEvaluationProcess.REVISION_RETURNED_BY_COMMITTEE,
        outcome == ReviewOutcome.RETURN);
  }

  /** The committee of the plan version in force in the evaluation's year; without governance: approving. */
  private boolean mayReturn(CycleReference cycle) {
    return committee(cycle).map(PlanGovernance.Body::kind).orElse(PlanGovernance.CommitteeKind.APPROVING)
        != PlanGovernance.CommitteeKind.ADVISORY;
  }

  private String committeeName(CycleReference cycle) {
    return committee(cycle).map(PlanGovernance.Body::name).filter(n -> !n.isBlank()).orElse(DEFAULT_NAME);
  }

  private java.util.Optional<PlanGovernance.Body> committee(CycleReference cycle) {
    return governance.forYear(cycle.municipality(), cycle.fiscalYear()).map(PlanGovernance::committee);
  }
}

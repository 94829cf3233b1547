package jp.climatepdca.periodevaluation;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import jp.climatepdca.review.ReviewForm;
import jp.climatepdca.review.ReviewOutcome;
import jp.climatepdca.system.CycleReference;
import jp.climatepdca.system.FormTaskListener;
import jp.climatepdca.system.TaskVariables;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Task_ApproveRevision (改定案の承認, 推進本部): with the draft's difference from the version in force and the
 * committee's opinions on it, approves the draft (the next step records it as the plan's next version) or
 * returns it to the secretariat with a comment.
 */
@Component("approveRevisionListener")
class ApproveRevisionListener extends FormTaskListener {

  private final PeriodEvaluationForms forms;
  private final PeriodEvaluationStore store;
  private final ReviewForm reviewForm;
  private final TaskVariables variables;
  private final ObjectMapper json;
  private final RevisionRows rows;

  ApproveRevisionListener(PeriodEvaluationForms forms, PeriodEvaluationStore store, ReviewForm reviewForm,
      TaskVariables variables, ObjectMapper json, RevisionRows rows) {
    this.json = json;
    this.rows = rows;
    this.forms = forms;
    this.store = store;
    this.reviewForm = reviewForm;
    this.variables = variables;
  }

  @Override
  protected void onCreate(DelegateTask task, CycleReference cycle) {
    var row = forms.show(task, cycle);
    variables.putText(task, "effectiveYear", effectiveYearOf(row.revisedDocument()));
    variables.putText(task, "revisionReason", row.kind().revisionReason().label());
    rows.show(task, row.municipality(), row.revisedDocument());
    var opinions = store.revisionOpinions(row.id());
    variables.putText(task, "revisionOpinionsShown", opinions == null || opinions.isBlank() ? "（未入力）" : opinions);
    reviewForm.declare(task);
  }

  /** The year the approved draft would apply from, as the secretariat's check fixed it in the document. */
  private String effectiveYearOf(String document) {
    try {
      return json.readTree(document).path("plan").path("effectiveYear").asText("—") + "年度";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("unreadable revised plan", e);
    }
  }

  @Override
  protected void onComplete(DelegateTask task, CycleReference cycle) {
    var errors = new ArrayList<String>();
    var outcome = reviewForm.read(task, errors);
    PeriodEvaluationForms.refuseIfAny(errors);
    if (outcome == ReviewOutcome.RETURN) {
      store.update(forms.evaluation(cycle).id(), "return_comment",
          variables.text(task, ReviewForm.COMMENT).orElseThrow());
    }
    task.getExecution().setVariable(PlanPeriodEvaluationProcess.REVISION_APPROVED, outcome == ReviewOutcome.APPROVE);
  }
}

package jp.climatepdca.periodevaluation;

import java.util.List;
import jp.climatepdca.system.CycleReference;
import jp.climatepdca.system.FormTaskListener;
import jp.climatepdca.system.TaskInputException;
import jp.climatepdca.system.TaskVariables;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Task_RevisePlan (改定案の作成, 事務局): the next plan version as a plan file, prefilled with the version in
 * force (or the draft headquarters returned), checked as a whole like a plan file upload; nothing of a
 * refused draft is kept.
 */
@Component("revisePlanListener")
class RevisePlanListener extends FormTaskListener {

  static final String DOCUMENT = "planDocument";

  private final PeriodEvaluationForms forms;
  private final PeriodEvaluationStore store;
  private final PlanRevisionDraft drafts;
  private final TaskVariables variables;

  RevisePlanListener(PeriodEvaluationForms forms, PeriodEvaluationStore store, PlanRevisionDraft drafts,
      TaskVariables variables) {
    this.forms = forms;
    this.store = store;
    this.drafts = drafts;
    this.variables = variables;
  }

  @Override
  protected void onCreate(DelegateTask task, CycleReference cycle) {
    var row = forms.show(task, cycle);
    variables.putText(task, "effectiveYear", drafts.effectiveYear(row) + "年度");
    variables.putText(task, "revisionReason", row.kind().revisionReason().label());
    variables.putText(task, "outcomeReasonShown", row.outcomeReason());
    variables.putText(task, DOCUMENT, row.revisedDocument() != null ? row.revisedDocument() : drafts.prepare(row));
  }

  @Override
  protected void onComplete(DelegateTask task, CycleReference cycle) {
    var text = variables.text(task, DOCUMENT).orElse(null);
    if (text == null) {
      throw new TaskInputException(List.of("改定後の計画データを入力してください"));
    }
    var row = forms.evaluation(cycle);
    var checked = drafts.check(row, text);
    store.update(row.id(), "revised_document", checked);
    store.update(row.id(), "return_comment", null);
  }
}

package jp.climatepdca.periodevaluation;

import java.util.List;
import jp.climatepdca.system.ConflictException;
import jp.climatepdca.system.CycleReference;
import jp.climatepdca.system.FormTaskListener;
import jp.climatepdca.system.TaskInputException;
import jp.climatepdca.system.TaskVariables;
import jp.climatepdca.system.UserInputException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Task_RevisePlan (改定案の作成, 事務局): the next plan version is a plan file the secretariat downloads,
 * edits and uploads (RevisionDraftService: a plan file is longer than a form's text variable holds); the
 * task confirms it once uploaded, checked again as a whole.
 */
@Component("revisePlanListener")
class RevisePlanListener extends FormTaskListener {

  private final PeriodEvaluationForms forms;
  private final PeriodEvaluationStore store;
  private final PlanRevisionDraft drafts;
  private final RevisionRows rows;
  private final TaskVariables variables;

  private final String webapps;

  RevisePlanListener(PeriodEvaluationForms forms, PeriodEvaluationStore store, PlanRevisionDraft drafts,
      RevisionRows rows, TaskVariables variables,
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webapps) {
    this.webapps = webapps;
    this.forms = forms;
    this.store = store;
    this.drafts = drafts;
    this.rows = rows;
    this.variables = variables;
  }

  @Override
  protected void onCreate(DelegateTask task, CycleReference cycle) {
    var row = forms.show(task, cycle);
    variables.putText(task, "effectiveYear", drafts.effectiveYear(row) + "年度");
    variables.putText(task, "revisionReason", row.kind().revisionReason().label());
    variables.putText(task, "outcomeReasonShown", row.outcomeReason());
    variables.putText(task, "draftAddress", "/api/plans/" + row.municipality() + "/period-evaluations/"
        + row.fiscalYear() + "/draft");
    // Tasklist's download: the same file through the webapps' address, with the person's Tasklist login
    variables.putText(task, "draftDownload", webapps + "/api/climate-pdca/task-files/" + RevisionDraftUpload.NAME + "/"
        + task.getId());
    if (row.revisedDocument() != null) {
      rows.show(task, row.municipality(), row.revisedDocument());
    } else {
      variables.putText(task, "draftStatus", "未登録");
    }
  }

  @Override
  protected void onComplete(DelegateTask task, CycleReference cycle) {
    var row = forms.evaluation(cycle);
    if (row.revisedDocument() == null) {
      throw new TaskInputException(List.of("改定案（計画データファイル）が登録されていません。この画面の「改定案ファイル（JSON）を登録」"
          + "（または PUT /api/plans/" + row.municipality() + "/period-evaluations/" + row.fiscalYear()
          + "/draft）で登録してから完了してください"));
    }
    store.update(row.id(), "revised_document", checked(drafts, row, row.revisedDocument()));
    store.update(row.id(), "return_comment", null);
  }

  /** The draft checked again (a year may have closed since it was uploaded), refusals as the form's. */
  static String checked(PlanRevisionDraft drafts, PeriodEvaluationRow row, String document) {
    try {
      return drafts.check(row, document);
    } catch (UserInputException e) {
      throw new TaskInputException(e.errors().isEmpty() ? List.of(e.getMessage()) : e.errors());
    } catch (ConflictException e) {
      throw new TaskInputException(List.of(e.getMessage()));
    }
  }
}

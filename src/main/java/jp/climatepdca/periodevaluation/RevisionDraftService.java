package jp.climatepdca.periodevaluation;

import jp.climatepdca.system.ConflictException;
import jp.climatepdca.system.NotFoundException;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The revised plan file while the secretariat drafts it. A plan file is tens of thousands of characters
 * (the demo city's: 23,577), more than a task's text variable holds (4,000), so it is not typed into the
 * form: the secretariat downloads the starting point and uploads the draft here, checked as a whole like a
 * plan file; the task then only confirms it.
 */
@Service
class RevisionDraftService {

  private final PeriodEvaluationStore store;
  private final PlanRevisionDraft drafts;
  private final TaskService tasks;
  private final RevisionRows rows;

  RevisionDraftService(PeriodEvaluationStore store, PlanRevisionDraft drafts, TaskService tasks, RevisionRows rows) {
    this.rows = rows;
    this.store = store;
    this.drafts = drafts;
    this.tasks = tasks;
  }

  /** The draft uploaded so far, or the starting point: the version in force with the plan block set. */
  @Transactional(readOnly = true)
  String draft(String municipality, int fiscalYear) {
    var row = evaluation(municipality, fiscalYear);
    return row.revisedDocument() != null ? row.revisedDocument() : drafts.prepare(row);
  }

  /** Stores the checked draft (its plan block fixed); refused as a whole, nothing kept, outside the task. */
  @Transactional
  String save(String municipality, int fiscalYear, String text) {
    var row = evaluation(municipality, fiscalYear);
    var task = row.processInstanceId() == null ? null : tasks.createTaskQuery()
        .processInstanceId(row.processInstanceId()).taskDefinitionKey(PlanPeriodEvaluationProcess.TASK_REVISE_PLAN)
        .singleResult();
    if (task == null) {
      throw new ConflictException("改定案を登録できるのは、推進本部が計画の見直しを決め、事務局が改定案を作成している間だけです（"
          + fiscalYear + "年度の計画期間の評価）");
    }
    var checked = drafts.check(row, text);
    store.update(row.id(), "revised_document", checked);
    // the open form shows what is registered (the server's own write: no person's engine authentication)
    tasks.setVariablesLocal(task.getId(), rows.values(municipality, checked));
    return checked;
  }

  private PeriodEvaluationRow evaluation(String municipality, int fiscalYear) {
    return store.find(municipality, fiscalYear).orElseThrow(() -> new NotFoundException(
        fiscalYear + "年度の計画期間の評価（" + municipality + "）は開始されていません"));
  }
}

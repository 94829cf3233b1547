package jp.climatepdca.periodevaluation;

import java.util.Map;
import jp.climatepdca.plan.PlanVersionService;
import jp.climatepdca.system.NotFoundException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads an evaluation: its row, its newest trend, and the engine's open task for the phase. */
@Service
@Transactional(readOnly = true)
class PeriodEvaluationService {

  private static final Map<String, String> PHASES = Map.of(
      PlanPeriodEvaluationProcess.TASK_CHECK_TREND, "事務局による推移の確認",
      PlanPeriodEvaluationProcess.TASK_HEADQUARTERS_EVALUATION, "推進本部の評価",
      PlanPeriodEvaluationProcess.TASK_COMMITTEE_OPINIONS, "推進委員会の意見",
      PlanPeriodEvaluationProcess.TASK_DECIDE_OUTCOME, "推進本部による継続・見直しの決定",
      PlanPeriodEvaluationProcess.TASK_REVISE_PLAN, "事務局による改定案の作成",
      PlanPeriodEvaluationProcess.TASK_COMMITTEE_REVISION_REVIEW, "推進委員会による改定案の審議",
      PlanPeriodEvaluationProcess.TASK_APPROVE_REVISION, "推進本部による改定案の承認");

  private final PeriodEvaluationStore store;
  private final PeriodTrends trends;
  private final TaskService tasks;
  private final PlanVersionService versions;

  PeriodEvaluationService(PeriodEvaluationStore store, PeriodTrends trends, TaskService tasks,
      PlanVersionService versions) {
    this.versions = versions;
    this.store = store;
    this.trends = trends;
    this.tasks = tasks;
  }


  PeriodEvaluationView view(String municipality, int fiscalYear) {
    var row = store.find(municipality, fiscalYear).orElseThrow(() -> new NotFoundException(
        fiscalYear + "年度の計画期間の評価（" + municipality + "）は開始されていません"));
    String phase;
    String phaseLabel;
    if (row.finishedAt() != null) {
      phase = "COMPLETED";
      phaseLabel = row.versionNumber() != null ? "完了（計画の第" + row.versionNumber() + "版を作成）" : "完了（計画を継続）";
    } else {
      var open = row.processInstanceId() == null ? null
          : tasks.createTaskQuery().processInstanceId(row.processInstanceId()).list().stream().findFirst().orElse(null);
      phase = open == null ? "RUNNING" : open.getTaskDefinitionKey();
      phaseLabel = open == null ? "処理中" : PHASES.getOrDefault(open.getTaskDefinitionKey(), nameOf(open));
    }
    var outcomeLabel = row.outcome() == null ? null
        : PeriodOutcomeListener.REVISE.equals(row.outcome()) ? "計画を見直す" : "計画を継続する";
    return new PeriodEvaluationView(row.municipality(), row.fiscalYear(), row.kind().name(), row.kind().label(),
        row.firstYear(), row.lastYear(), row.municipality() + ":" + row.fiscalYear()
        + PlanPeriodEvaluationProcess.BUSINESS_KEY_SUFFIX, row.processInstanceId(), row.startedBy(), row.startedAt(),
        phase, phaseLabel, trends.latest(row).orElse(null), store.trendCount(row.id()), row.secretariatNote(),
        row.headquartersEvaluation(), row.committeeOpinions(), store.revisionOpinions(row.id()), row.outcome(), outcomeLabel, row.outcomeReason(),
        row.versionNumber(), row.versionNumber() == null ? null
        : versions.version(row.municipality(), row.versionNumber()).effectiveYear(), row.finishedAt());
  }

  private static String nameOf(Task task) {
    return task.getName();
  }
}

package jp.climatepdca.publication;

import java.util.List;
import jp.climatepdca.review.ReviewForm;
import jp.climatepdca.review.ReviewLevel;
import jp.climatepdca.system.CycleReference;
import jp.climatepdca.system.TaskVariables;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Task_ApprovePublication (公表の承認): headquarters approves the frozen draft, or returns it. A draft that leaves
 * one of last year's opinions heard after publishing without a response ({@link PriorOpinions}: one recorded
 * after the draft was frozen, or a draft frozen by a client that bypassed the form) cannot be approved, only
 * returned to be completed.
 */
@Component("annualReportApprovalListener")
class AnnualReportApprovalListener extends ReportReviewListener {

  private final TaskVariables variables;
  private final PriorOpinions prior;

  AnnualReportApprovalListener(AnnualReportService reports, ReportForms forms, ReviewForm reviewForm,
      TaskVariables variables, PriorOpinions prior) {
    super(reports, forms, reviewForm, ReviewLevel.REPORT_APPROVAL, AnnualReportPublicationProcess.PUBLICATION_APPROVED);
    this.variables = variables;
    this.prior = prior;
  }

  @Override
  void approved(AnnualReportService reports, CycleReference cycle, DelegateTask task) {
    var draft = reports.openDraft(cycle.municipality(), cycle.fiscalYear()).orElseThrow();
    var unanswered = prior.unanswered(draft);
    if (!unanswered.isEmpty()) {
      refuseIfAny(List.of("前年度の年次報告書に対する委員会の意見のうち、" + String.join("、", unanswered)
          + "への対応方針がこの下書きにありません。差し戻して、年次報告書の作成で対応方針を入力してください"));
    }
    reports.approve(cycle.municipality(), cycle.fiscalYear(), variables.currentUser(task));
  }
}

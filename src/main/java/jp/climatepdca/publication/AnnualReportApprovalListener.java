package jp.climatepdca.publication;

import jp.climatepdca.review.ReviewForm;
import jp.climatepdca.review.ReviewLevel;
import jp.climatepdca.system.CycleReference;
import jp.climatepdca.system.TaskVariables;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** Task_ApprovePublication (公表の承認): headquarters approves the frozen draft, or returns it. */
@Component("annualReportApprovalListener")
class AnnualReportApprovalListener extends ReportReviewListener {

  private final TaskVariables variables;

  AnnualReportApprovalListener(AnnualReportService reports, ReportForms forms, ReviewForm reviewForm,
      TaskVariables variables) {
    super(reports, forms, reviewForm, ReviewLevel.REPORT_APPROVAL, AnnualReportPublicationProcess.PUBLICATION_APPROVED);
    this.variables = variables;
  }

  @Override
  void approved(AnnualReportService reports, CycleReference cycle, DelegateTask task) {
    reports.approve(cycle.municipality(), cycle.fiscalYear(), variables.currentUser(task));
  }
}

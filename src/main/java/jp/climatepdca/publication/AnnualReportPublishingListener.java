package jp.climatepdca.publication;

import jp.climatepdca.review.ReviewForm;
import jp.climatepdca.review.ReviewLevel;
import jp.climatepdca.system.CycleReference;
import jp.climatepdca.system.TaskVariables;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Task_PublishReport (公表): the secretariat publishes the approved draft (from then on public and never
 * changed), or sends it back to the preparation.
 */
@Component("annualReportPublishingListener")
class AnnualReportPublishingListener extends ReportReviewListener {

  private final TaskVariables variables;

  AnnualReportPublishingListener(AnnualReportService reports, ReportForms forms, ReviewForm reviewForm,
      TaskVariables variables) {
    super(reports, forms, reviewForm, ReviewLevel.REPORT_PUBLICATION, AnnualReportPublicationProcess.REPORT_PUBLISHED);
    this.variables = variables;
  }

  @Override
  void approved(AnnualReportService reports, CycleReference cycle, DelegateTask task) {
    reports.publish(cycle.municipality(), cycle.fiscalYear(), variables.currentUser(task));
  }
}

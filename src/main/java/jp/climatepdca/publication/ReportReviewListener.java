package jp.climatepdca.publication;

import java.util.ArrayList;
import jp.climatepdca.review.ReviewForm;
import jp.climatepdca.review.ReviewLevel;
import jp.climatepdca.review.ReviewOutcome;
import jp.climatepdca.system.CycleReference;
import jp.climatepdca.system.TaskInputException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * The two review steps of the publication: each shows the frozen draft and either lets it go on
 * ({@link #approved}) or sends it back to the preparation with a comment.
 */
abstract class ReportReviewListener implements TaskListener {

  private final AnnualReportService reports;
  private final ReportForms forms;
  private final ReviewForm reviewForm;
  private final ReviewLevel level;
  private final String flag;

  ReportReviewListener(AnnualReportService reports, ReportForms forms, ReviewForm reviewForm, ReviewLevel level,
      String flag) {
    this.reports = reports;
    this.forms = forms;
    this.reviewForm = reviewForm;
    this.level = level;
    this.flag = flag;
  }

  @Override
  public void notify(DelegateTask task) {
    var cycle = CycleReference.of(task);
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      forms.header(task, cycle);
      forms.draft(task, reports.openDraft(cycle.municipality(), cycle.fiscalYear()).orElseThrow(
          () -> new IllegalStateException("no annual report in preparation for " + cycle.businessKey())));
      reviewForm.declare(task);
    } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      var errors = new ArrayList<String>();
      var outcome = reviewForm.read(task, errors);
      if (!errors.isEmpty()) {
        throw new TaskInputException(errors);
      }
      if (outcome == ReviewOutcome.APPROVE) {
        approved(reports, cycle, task);
      } else {
        reports.returnToDraft(cycle.municipality(), cycle.fiscalYear());
      }
      reviewForm.record(task, cycle.municipality(), cycle.fiscalYear(), null, level, outcome);
      task.getExecution().setVariable(flag, outcome == ReviewOutcome.APPROVE);
    }
  }

  abstract void approved(AnnualReportService reports, CycleReference cycle, DelegateTask task);
}

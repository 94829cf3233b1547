package jp.climatepdca.publication;

/**
 * bpmn/annual-report-publication.bpmn: the secretariat prepares the annual report, headquarters approves
 * its publication, the secretariat publishes it; approval and publishing can each send it back to the
 * preparation. Called by the fiscal-year cycle after the committee accepts, and started on its own by
 * {@link PublicationStarter} for a correction of a published report.
 */
public final class AnnualReportPublicationProcess {

  public static final String KEY = "annual-report-publication";

  public static final String TASK_PREPARE_REPORT = "Task_PrepareReport";
  public static final String TASK_APPROVE_PUBLICATION = "Task_ApprovePublication";
  public static final String GATEWAY_APPROVAL_DECISION = "Gateway_ApprovalDecision";
  public static final String TASK_PUBLISH_REPORT = "Task_PublishReport";
  public static final String GATEWAY_PUBLISH_DECISION = "Gateway_PublishDecision";
  public static final String GATEWAY_PREPARATION_MERGE = "Gateway_PreparationMerge";
  public static final String END_PUBLISHED = "Event_ReportPublished";

  /** Routing flags. */
  public static final String PUBLICATION_APPROVED = "publicationApproved";
  public static final String REPORT_PUBLISHED = "reportPublished";

  /** Business key: {@code <municipality>:<fiscalYear>:report}, as the cycle's call activity sets it. */
  public static final String BUSINESS_KEY_SUFFIX = jp.climatepdca.cycle.FiscalYearCycleProcess.REPORT_BUSINESS_KEY_SUFFIX;

  private AnnualReportPublicationProcess() {}
}

package jp.climatepdca.periodevaluation;

/**
 * bpmn/plan-period-evaluation.bpmn (one instance per municipality and fiscal year, business key
 * {@code <municipality>:<fiscalYear>:period}) and bpmn/plan-period-evaluation-schedule.bpmn (the daily
 * timer that starts the evaluations that are due).
 */
public final class PlanPeriodEvaluationProcess {

  public static final String KEY = "plan-period-evaluation";
  public static final String SCHEDULE_KEY = "plan-period-evaluation-schedule";
  public static final String BUSINESS_KEY_SUFFIX = ":period";

  public static final String TASK_COMPILE_TREND = "Task_CompilePeriodTrend";
  public static final String TASK_CHECK_TREND = "Task_CheckPeriodTrend";
  public static final String TASK_HEADQUARTERS_EVALUATION = "Task_HeadquartersPeriodEvaluation";
  public static final String GATEWAY_HEADQUARTERS_DECISION = "Gateway_HeadquartersPeriodDecision";
  public static final String GATEWAY_COMPILE_MERGE = "Gateway_CompileMerge";
  public static final String TASK_COMMITTEE_OPINIONS = "Task_CommitteePeriodOpinions";
  public static final String TASK_DECIDE_OUTCOME = "Task_DecidePeriodOutcome";
  public static final String GATEWAY_OUTCOME = "Gateway_PeriodOutcome";
  public static final String END_CONTINUED = "Event_PlanContinued";
  public static final String GATEWAY_REVISION_MERGE = "Gateway_RevisionMerge";
  public static final String TASK_REVISE_PLAN = "Task_RevisePlan";
  public static final String TASK_COMMITTEE_REVISION_REVIEW = "Task_CommitteeRevisionReview";
  public static final String GATEWAY_COMMITTEE_REVISION = "Gateway_CommitteeRevisionDecision";
  public static final String TASK_APPROVE_REVISION = "Task_ApproveRevision";
  public static final String GATEWAY_REVISION_APPROVAL = "Gateway_RevisionApproval";
  public static final String TASK_CREATE_VERSION = "Task_CreatePlanVersion";
  public static final String END_REVISED = "Event_PlanRevised";

  /** Routing flags, set by the listeners from what the form submitted (checked there). */
  public static final String TREND_EVALUATED = "periodTrendEvaluated";
  public static final String PLAN_REVISION = "planRevision";
  public static final String REVISION_APPROVED = "revisionApproved";
  /** Set by the committee's review of the draft: true sends it back to the secretariat (approving body only). */
  public static final String REVISION_RETURNED_BY_COMMITTEE = "revisionReturnedByCommittee";

  private PlanPeriodEvaluationProcess() {}
}

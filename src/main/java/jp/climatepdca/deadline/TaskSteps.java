package jp.climatepdca.deadline;

import java.util.Map;
import java.util.Optional;
import jp.climatepdca.area.AreaCycleProcess;
import jp.climatepdca.assessment.DepartmentSelfAssessmentProcess;
import jp.climatepdca.cycle.FiscalYearCycleProcess;
import jp.climatepdca.publication.AnnualReportPublicationProcess;

/**
 * Which step of the annual schedule (PlanGovernance.STEPS, docs/governance.md) dates which user task: the
 * table of docs/deadlines.md. A task not named here has no step (the staff meeting's dates come from its
 * own records, the plan-period evaluation's and the area's late-member task from when they are created).
 */
final class TaskSteps {

  private static final String CHECK = "checkDue";
  private static final Map<String, Map<String, String>> STEPS = Map.of(
      FiscalYearCycleProcess.KEY, Map.of(
          FiscalYearCycleProcess.TASK_ENTER_ACTIVITY_DATA, CHECK,
          FiscalYearCycleProcess.TASK_VERIFY_EMISSIONS, CHECK,
          FiscalYearCycleProcess.TASK_COMPILE_CHECK, CHECK,
          FiscalYearCycleProcess.TASK_HEADQUARTERS_EVALUATION, "headquartersDue",
          FiscalYearCycleProcess.TASK_LIAISON_MEETING, "liaisonMeeting",
          FiscalYearCycleProcess.TASK_OPINION_TRIAGE, "liaisonMeeting",
          FiscalYearCycleProcess.TASK_COMMITTEE_REVIEW, "committee",
          FiscalYearCycleProcess.TASK_ACTION_DECISIONS, "actionDue",
          FiscalYearCycleProcess.TASK_COMMITTEE_HEARING, "committee"),
      DepartmentSelfAssessmentProcess.KEY, Map.of(
          DepartmentSelfAssessmentProcess.TASK_ENTER, "selfAssessmentDue",
          DepartmentSelfAssessmentProcess.TASK_HEAD_APPROVAL, "selfAssessmentDue",
          DepartmentSelfAssessmentProcess.TASK_SECRETARIAT_REVIEW, CHECK),
      AnnualReportPublicationProcess.KEY, Map.of(
          AnnualReportPublicationProcess.TASK_PREPARE_REPORT, "publicationDue",
          AnnualReportPublicationProcess.TASK_APPROVE_PUBLICATION, "publicationDue",
          AnnualReportPublicationProcess.TASK_PUBLISH_REPORT, "publicationDue"),
      AreaCycleProcess.KEY, Map.of(
          AreaCycleProcess.TASK_CHECK_AREA_COMPILATION, CHECK,
          AreaCycleProcess.TASK_AREA_LIAISON_MEETING, "liaisonMeeting",
          AreaCycleProcess.TASK_AREA_COMMITTEE_OPINIONS, "committee",
          AreaCycleProcess.TASK_RESPOND_TO_OPINIONS, "actionDue",
          AreaCycleProcess.TASK_AREA_ACTION_DECISIONS, "actionDue",
          AreaCycleProcess.TASK_APPROVE_AREA_REPORT, "publicationDue"));

  private TaskSteps() {}

  static Optional<String> of(String processKey, String taskKey) {
    return Optional.ofNullable(STEPS.getOrDefault(processKey, Map.of()).get(taskKey));
  }
}

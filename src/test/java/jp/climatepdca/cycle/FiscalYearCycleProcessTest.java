package jp.climatepdca.cycle;

import static jp.climatepdca.cycle.FiscalYearCycleProcess.CALL_ANNUAL_REPORT_PUBLICATION;
import static jp.climatepdca.cycle.FiscalYearCycleProcess.CALL_SELF_ASSESSMENTS;
import static jp.climatepdca.cycle.FiscalYearCycleProcess.COMMITTEE_ACCEPTED;
import static jp.climatepdca.cycle.FiscalYearCycleProcess.EMISSIONS_ACCEPTED;
import static jp.climatepdca.cycle.FiscalYearCycleProcess.END_COMPLETED;
import static jp.climatepdca.cycle.FiscalYearCycleProcess.EVENT_APRIL_CHECK_DATE;
import static jp.climatepdca.cycle.FiscalYearCycleProcess.EVENT_JULY_CALCULATION_DATE;
import static jp.climatepdca.cycle.FiscalYearCycleProcess.GATEWAY_CHECK_JOIN;
import static jp.climatepdca.cycle.FiscalYearCycleProcess.EVENT_OPINION_WINDOW_CLOSED;
import static jp.climatepdca.cycle.FiscalYearCycleProcess.GATEWAY_COMPILE_MERGE;
import static jp.climatepdca.cycle.FiscalYearCycleProcess.GATEWAY_OPINIONS_FORK;
import static jp.climatepdca.cycle.FiscalYearCycleProcess.GATEWAY_OPINIONS_JOIN;
import static jp.climatepdca.cycle.FiscalYearCycleProcess.TASK_OPINION_TRIAGE;
import static jp.climatepdca.cycle.FiscalYearCycleProcess.HEADQUARTERS_APPROVED;
import static jp.climatepdca.cycle.FiscalYearCycleProcess.LIAISON_MEETING;
import static jp.climatepdca.cycle.FiscalYearCycleProcess.TASK_ACTION_DECISIONS;
import static jp.climatepdca.cycle.FiscalYearCycleProcess.TASK_COMMITTEE_REVIEW;
import static jp.climatepdca.cycle.FiscalYearCycleProcess.TASK_CALCULATE_EMISSIONS;
import static jp.climatepdca.cycle.FiscalYearCycleProcess.TASK_COMPILE_CHECK;
import static jp.climatepdca.cycle.FiscalYearCycleProcess.TASK_ENTER_ACTIVITY_DATA;
import static jp.climatepdca.cycle.FiscalYearCycleProcess.TASK_HEADQUARTERS_EVALUATION;
import static jp.climatepdca.cycle.FiscalYearCycleProcess.TASK_LIAISON_MEETING;
import static jp.climatepdca.cycle.FiscalYearCycleProcess.TASK_VERIFY_EMISSIONS;
import static jp.climatepdca.cycle.FiscalYearCycleProcess.EVENT_AREA_DECISIONS_MADE;
import static jp.climatepdca.cycle.FiscalYearCycleProcess.EVENT_AREA_RESULT_RETURNED;
import static jp.climatepdca.cycle.FiscalYearCycleProcess.EVENT_RESULT_HANDED_TO_AREA;
import static jp.climatepdca.cycle.FiscalYearCycleProcess.GATEWAY_AWAIT_AREA;
import static jp.climatepdca.cycle.FiscalYearCycleProcess.GATEWAY_HANDED_IN;
import static jp.climatepdca.cycle.FiscalYearCycleProcess.HANDED_IN_TO_AREA;
import static jp.climatepdca.cycle.FiscalYearCycleProcess.HAND_TO_AREA;
import static jp.climatepdca.cycle.FiscalYearCycleProcess.TASK_DECIDE_AREA_HAND_OFF;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processInstanceQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.List;
import jp.climatepdca.assessment.DepartmentSelfAssessmentProcess;
import jp.climatepdca.publication.AnnualReportPublicationProcess;
import jp.climatepdca.testing.EngineTestBeans;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every path of bpmn/fiscal-year-cycle.bpmn: with and without a liaison meeting, returned by
 * headquarters and by the committee, the emissions inventory returned to data entry, and the check
 * waiting for both the departments and the emissions, and after the committee the Action step and the
 * annual report's publication side by side. The called department and publication processes run for real
 * (three departments).
 */
@Deployment(resources = {"bpmn/fiscal-year-cycle.bpmn", "bpmn/department-self-assessment.bpmn",
    "forms/self-assessment-entry.form", "forms/self-assessment-review.form", "forms/cycle-compile-check.form",
    "forms/headquarters-evaluation.form", "forms/liaison-meeting.form", "forms/committee-review.form",
    "forms/action-decisions.form", "forms/emission-activity-data.form", "forms/emission-verification.form",
    "bpmn/annual-report-publication.bpmn", "forms/annual-report-preparation.form",
    "forms/annual-report-approval.form", "forms/annual-report-publishing.form", "forms/opinion-triage.form"})
class FiscalYearCycleProcessTest {

  private static final List<String> DEPARTMENTS = List.of("env", "waste", "urban");

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder(EngineTestBeans.CONFIGURATION)
      .assertClassCoverageAtLeast(0.9).build();

  @BeforeEach
  void beans() {
    EngineTestBeans.register(engine.getProcessEngine(), DEPARTMENTS);
  }

  @AfterEach
  void reset() {
    EngineTestBeans.reset();
  }

  private ProcessInstance start(boolean liaisonMeeting) {
    var pi = runtimeService().startProcessInstanceByKey(FiscalYearCycleProcess.KEY, "999999:2026",
        withVariables("municipality", "999999", "fiscalYear", 2026, "reviewYear", 2025, "inventoryYear", 2024,
            LIAISON_MEETING, liaisonMeeting));
    assertThat(pi).isWaitingAt(EVENT_APRIL_CHECK_DATE, EVENT_JULY_CALCULATION_DATE);
    assertThat(job(EVENT_APRIL_CHECK_DATE, pi)).hasDueDate(EngineTestBeans.APRIL_CHECK);
    assertThat(job(EVENT_JULY_CALCULATION_DATE, pi)).hasDueDate(EngineTestBeans.JULY_CALCULATION);
    execute(job(EVENT_APRIL_CHECK_DATE, pi));
    return pi;
  }

  /** Both branches: the departments all accepted, and the emissions accepted at the first verification. */
  private ProcessInstance startedAndReadyForTheCheck(boolean liaisonMeeting) {
    var pi = start(liaisonMeeting);
    allDepartmentsAccepted(pi);
    emissionsAccepted(pi);
    assertThat(pi).isWaitingAt(TASK_COMPILE_CHECK);
    return pi;
  }

  /** July: the secretariat enters activity data, the engine calculates, the secretariat accepts. */
  private void emissionsAccepted(ProcessInstance cycle) {
    execute(job(EVENT_JULY_CALCULATION_DATE, cycle));
    enterActivityData(cycle);
    verifyEmissions(cycle, true);
    runAsyncJobs(cycle);
  }

  private static void enterActivityData(ProcessInstance cycle) {
    var entry = taskAt(cycle, TASK_ENTER_ACTIVITY_DATA);
    assertThat(entry).hasCandidateGroup("999999-secretariat").hasDueDate(EngineTestBeans.DUE);
    complete(entry);
  }

  private static void verifyEmissions(ProcessInstance cycle, boolean accepted) {
    var verification = taskAt(cycle, TASK_VERIFY_EMISSIONS);
    assertThat(verification).hasCandidateGroup("999999-secretariat");
    complete(verification, withVariables(EMISSIONS_ACCEPTED, accepted));
  }

  private static org.camunda.bpm.engine.task.Task taskAt(ProcessInstance pi, String key) {
    return org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey(key).singleResult();
  }

  /** Each department's called instance goes through entry, head approval and secretariat acceptance. */
  private void allDepartmentsAccepted(ProcessInstance cycle) {
    assertThat(cycle).isWaitingAt(CALL_SELF_ASSESSMENTS);
    var departments = processInstanceQuery().superProcessInstanceId(cycle.getId()).list();
    Assertions.assertThat(departments).extracting(ProcessInstance::getBusinessKey)
        .containsExactlyInAnyOrder("999999:2026:env", "999999:2026:waste", "999999:2026:urban");
    // the municipality's tenant (BusinessKeyTenants, as in the application): the cycle, its called instances, their tasks
    Assertions.assertThat(departments).extracting(ProcessInstance::getTenantId).containsOnly("999999");
    Assertions.assertThat(cycle.getTenantId()).isEqualTo("999999");
    for (var department : departments) {
      Assertions.assertThat(task(department).getTenantId()).isEqualTo("999999");
      complete(task(department));
      complete(task(department), withVariables(DepartmentSelfAssessmentProcess.HEAD_APPROVED, true));
      complete(task(department), withVariables(DepartmentSelfAssessmentProcess.SECRETARIAT_ACCEPTED, true));
      assertThat(department).isEnded();
    }
    runAsyncJobs(cycle);
  }

  /** asyncAfter on the loop (one job per department) and asyncBefore on the check's join; not the timers. */
  private static void runAsyncJobs(ProcessInstance cycle) {
    while (!asyncJobsOf(cycle).isEmpty()) {
      execute(asyncJobsOf(cycle).get(0));
    }
  }

  private static List<org.camunda.bpm.engine.runtime.Job> asyncJobsOf(ProcessInstance pi) {
    return jobQuery().processInstanceId(pi.getId()).messages().list();
  }

  @Test
  void wholeYearWithoutLiaisonMeeting() {
    var pi = startedAndReadyForTheCheck(false);
    assertThat(task(pi)).hasCandidateGroup("999999-secretariat").hasDueDate(EngineTestBeans.DUE);
    complete(task(pi));
    assertThat(pi).isWaitingAt(TASK_HEADQUARTERS_EVALUATION);
    assertThat(task(pi)).hasCandidateGroup("999999-headquarters");
    complete(task(pi), withVariables(HEADQUARTERS_APPROVED, true));
    assertThat(pi).isWaitingAt(TASK_COMMITTEE_REVIEW);
    assertThat(task(pi)).hasCandidateGroup("999999-committee");
    complete(task(pi), withVariables(COMMITTEE_ACCEPTED, true));
    assertThat(pi).isWaitingAt(TASK_ACTION_DECISIONS, CALL_ANNUAL_REPORT_PUBLICATION);
    assertThat(actionTask(pi)).hasCandidateGroup("999999-secretariat");
    complete(actionTask(pi));
    // the Action step is done; the cycle still waits for the publication
    assertThat(pi).isWaitingAt(CALL_ANNUAL_REPORT_PUBLICATION).hasNotPassed(END_COMPLETED);
    reportPublished(pi);
    assertThat(pi).isEnded().hasPassed(END_COMPLETED).hasNotPassed(TASK_LIAISON_MEETING);
  }

  @Test
  void liaisonMeetingBetweenHeadquartersAndCommittee() {
    var pi = startedAndReadyForTheCheck(true);
    complete(task(pi));
    complete(task(pi), withVariables(HEADQUARTERS_APPROVED, true));
    assertThat(pi).isWaitingAt(TASK_LIAISON_MEETING);
    assertThat(task(pi)).hasCandidateGroup("999999-liaison");
    complete(task(pi));
    assertThat(pi).isWaitingAt(TASK_COMMITTEE_REVIEW);
    complete(task(pi), withVariables(COMMITTEE_ACCEPTED, true));
    // this time the report is published before the Action step is done
    reportPublished(pi);
    assertThat(pi).isWaitingAt(TASK_ACTION_DECISIONS).hasNotPassed(END_COMPLETED);
    complete(actionTask(pi));
    runAsyncJobs(pi);
    assertThat(pi).isEnded().hasPassedInOrder(TASK_HEADQUARTERS_EVALUATION, TASK_LIAISON_MEETING,
        TASK_COMMITTEE_REVIEW, TASK_ACTION_DECISIONS);
  }

  @Test
  void headquartersSendsTheCheckBackToTheSecretariat() {
    var pi = startedAndReadyForTheCheck(false);
    complete(task(pi));
    complete(task(pi), withVariables(HEADQUARTERS_APPROVED, false));
    assertThat(pi).isWaitingAt(TASK_COMPILE_CHECK)
        .hasPassedInOrder(TASK_HEADQUARTERS_EVALUATION, "Gateway_HeadquartersDecision", GATEWAY_COMPILE_MERGE);
    // inside the fork: the opinion branch is not started again by a return of headquarters
    Assertions.assertThat(historyOf(pi, GATEWAY_OPINIONS_FORK)).isEqualTo(1);
    complete(task(pi));
    assertThat(pi).isWaitingAt(TASK_HEADQUARTERS_EVALUATION);
  }

  @Test
  void committeeAsksForChangesAndTheCheckRunsAgain() {
    var pi = startedAndReadyForTheCheck(false);
    complete(task(pi));
    complete(task(pi), withVariables(HEADQUARTERS_APPROVED, true));
    complete(task(pi), withVariables(COMMITTEE_ACCEPTED, false));
    assertThat(pi).isWaitingAt(TASK_COMPILE_CHECK)
        .hasPassedInOrder(TASK_COMMITTEE_REVIEW, "Gateway_CommitteeDecision", "Gateway_CheckMerge");
    complete(task(pi));
    complete(task(pi), withVariables(HEADQUARTERS_APPROVED, true));
    complete(task(pi), withVariables(COMMITTEE_ACCEPTED, true));
    complete(actionTask(pi));
    reportPublished(pi);
    assertThat(pi).isEnded();
  }

  @Test
  void theSecretariatReturnsTheEmissionsToDataEntryAndCalculatesAgain() {
    var pi = start(false);
    execute(job(EVENT_JULY_CALCULATION_DATE, pi));
    enterActivityData(pi);
    assertThat(pi).hasPassed(TASK_CALCULATE_EMISSIONS);
    verifyEmissions(pi, false);
    Assertions.assertThat(taskAt(pi, TASK_ENTER_ACTIVITY_DATA)).isNotNull();
    enterActivityData(pi);
    verifyEmissions(pi, true);
    Assertions.assertThat(historyOf(pi, TASK_CALCULATE_EMISSIONS)).isEqualTo(2);
    Assertions.assertThat(historyOf(pi, TASK_ENTER_ACTIVITY_DATA)).isEqualTo(2);
    // the departments are still at work: the check waits for them
    runAsyncJobs(pi);
    assertThat(pi).isWaitingAt(CALL_SELF_ASSESSMENTS);
    allDepartmentsAccepted(pi);
    assertThat(pi).isWaitingAt(TASK_COMPILE_CHECK);
  }

  @Test
  void theCheckWaitsForTheEmissionsWhenTheDepartmentsAreDoneFirst() {
    var pi = start(false);
    allDepartmentsAccepted(pi);
    assertThat(pi).isWaitingAt(EVENT_JULY_CALCULATION_DATE).hasNotPassed(TASK_COMPILE_CHECK);
    Assertions.assertThat(runtimeService().getActiveActivityIds(pi.getId())).containsExactly(EVENT_JULY_CALCULATION_DATE);
    Assertions.assertThat(historyOf(pi, GATEWAY_CHECK_JOIN)).isEqualTo(1);
    emissionsAccepted(pi);
    assertThat(pi).isWaitingAt(TASK_COMPILE_CHECK);
    Assertions.assertThat(historyOf(pi, GATEWAY_CHECK_JOIN)).isEqualTo(2);
  }

  /**
   * A member of an area (the hand-off decision says so; AreaHandOffTest and the Spring tests check the real
   * one against table area_cycle_member): after headquarters approves it hands in, in a job, and waits for
   * the area; its own liaison meeting and committee are the area's.
   */
  private JavaDelegate memberOfAnArea() throws Exception {
    return memberOfAnArea(true);
  }

  /** {@code taken}: whether the area still waits for the member when it hands in. */
  private JavaDelegate memberOfAnArea(boolean taken) throws Exception {
    Mocks.register("areaHandOffDelegate", (JavaDelegate) execution -> execution.setVariable(HAND_TO_AREA, true));
    var handIn = mock(JavaDelegate.class);
    doAnswer(call -> {
      call.getArgument(0, DelegateExecution.class).setVariable(HANDED_IN_TO_AREA, taken);
      return null;
    }).when(handIn).execute(any());
    Mocks.register("handResultToAreaDelegate", handIn);
    return handIn;
  }

  private static void headquartersApproves(ProcessInstance pi) {
    complete(task(pi));
    complete(task(pi), withVariables(HEADQUARTERS_APPROVED, true));
  }

  @Test
  void aMemberOfAnAreaHandsInAndGoesOnWithTheAreasDecisions() throws Exception {
    var handIn = memberOfAnArea();
    var pi = startedAndReadyForTheCheck(true);
    headquartersApproves(pi);
    assertThat(pi).hasPassed(TASK_DECIDE_AREA_HAND_OFF).isWaitingAt(EVENT_RESULT_HANDED_TO_AREA);
    verify(handIn, never()).execute(any());
    execute(job(EVENT_RESULT_HANDED_TO_AREA, pi));
    verify(handIn).execute(any());
    assertThat(pi).isWaitingAt(GATEWAY_AWAIT_AREA);
    runtimeService().createMessageCorrelation("AreaDecisionsMade").processInstanceId(pi.getId()).correlate();
    assertThat(pi).isWaitingAt(TASK_ACTION_DECISIONS, CALL_ANNUAL_REPORT_PUBLICATION);
    complete(actionTask(pi));
    reportPublished(pi);
    // a liaison meeting of its own was asked for (liaisonMeeting = true), but the area held the one meeting
    assertThat(pi).isEnded().hasPassed(EVENT_AREA_DECISIONS_MADE)
        .hasNotPassed(TASK_LIAISON_MEETING, TASK_COMMITTEE_REVIEW, EVENT_AREA_RESULT_RETURNED);
  }

  @Test
  void theAreaReturnsAMembersResultToItsCheckAndItHandsInAgain() throws Exception {
    var handIn = memberOfAnArea();
    var pi = startedAndReadyForTheCheck(false);
    headquartersApproves(pi);
    execute(job(EVENT_RESULT_HANDED_TO_AREA, pi));
    runtimeService().createMessageCorrelation("AreaResultReturned").processInstanceId(pi.getId()).correlate();
    assertThat(pi).isWaitingAt(TASK_COMPILE_CHECK).hasPassed(EVENT_AREA_RESULT_RETURNED);
    headquartersApproves(pi);
    execute(job(EVENT_RESULT_HANDED_TO_AREA, pi));
    verify(handIn, times(2)).execute(any());
    runtimeService().createMessageCorrelation("AreaDecisionsMade").processInstanceId(pi.getId()).correlate();
    complete(actionTask(pi));
    reportPublished(pi);
    assertThat(pi).isEnded().hasNotPassed(TASK_COMMITTEE_REVIEW);
    Assertions.assertThat(historyOf(pi, TASK_COMPILE_CHECK)).isEqualTo(2);
  }

  @Test
  void aMemberTheAreaWentOnWithoutGoesOnAlone() throws Exception {
    var handIn = memberOfAnArea(false);
    var pi = startedAndReadyForTheCheck(true);
    headquartersApproves(pi);
    execute(job(EVENT_RESULT_HANDED_TO_AREA, pi));
    verify(handIn).execute(any());
    // as a municipality alone: its own liaison meeting (its plan asks for one) and committee
    assertThat(pi).isWaitingAt(TASK_LIAISON_MEETING).hasPassed(GATEWAY_HANDED_IN).hasNotPassed(GATEWAY_AWAIT_AREA);
    complete(task(pi));
    complete(task(pi), withVariables(COMMITTEE_ACCEPTED, true));
    complete(actionTask(pi));
    reportPublished(pi);
    assertThat(pi).isEnded();
  }

  private static org.camunda.bpm.engine.task.Task actionTask(ProcessInstance pi) {
    return taskAt(pi, TASK_ACTION_DECISIONS);
  }

  /** The called publication: prepared, approved, published; then the join's job. */
  private static void reportPublished(ProcessInstance cycle) {
    var report = processInstanceQuery().superProcessInstanceId(cycle.getId())
        .processDefinitionKey(AnnualReportPublicationProcess.KEY).singleResult();
    Assertions.assertThat(report.getBusinessKey()).isEqualTo("999999:2026:report");
    complete(task(report));
    complete(task(report), withVariables(AnnualReportPublicationProcess.PUBLICATION_APPROVED, true));
    complete(task(report), withVariables(AnnualReportPublicationProcess.REPORT_PUBLISHED, true));
    assertThat(report).isEnded();
    runAsyncJobs(cycle);
  }

  private static long historyOf(ProcessInstance pi, String activityId) {
    return org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService()
        .createHistoricActivityInstanceQuery().processInstanceId(pi.getId()).activityId(activityId).count();
  }

  /**
   * A year in which neither headquarters nor the committee meets (seed 000: every third, the mid-term and the
   * final year; the plan's governance says so, CycleGovernance answers from our tables): the check goes
   * straight on to the Action step and the publication.
   */
  @Test
  void aYearWithoutHeadquartersAndCommitteeGoesFromTheCheckToActionAndPublication() {
    EngineTestBeans.governance(false, false, false);
    var pi = startedAndReadyForTheCheck(false);
    complete(task(pi));
    assertThat(pi).isWaitingAt(TASK_ACTION_DECISIONS, CALL_ANNUAL_REPORT_PUBLICATION);
    complete(actionTask(pi));
    reportPublished(pi);
    assertThat(pi).isEnded().hasPassed(END_COMPLETED, TASK_DECIDE_AREA_HAND_OFF)
        .hasNotPassed(TASK_HEADQUARTERS_EVALUATION, TASK_COMMITTEE_REVIEW, FiscalYearCycleProcess.TASK_COMMITTEE_HEARING);
  }

  /**
   * 川崎市 (seed 004): the annual report is compiled and published first, then reported to the 環境審議会,
   * whose opinions serve the next year; the cycle ends after that hearing.
   */
  @Test
  void theReportIsPublishedFirstAndThenReportedToTheCommittee() {
    EngineTestBeans.governance(true, false, true);
    var pi = startedAndReadyForTheCheck(false);
    headquartersApproves(pi);
    assertThat(pi).isWaitingAt(TASK_ACTION_DECISIONS, CALL_ANNUAL_REPORT_PUBLICATION).hasNotPassed(TASK_COMMITTEE_REVIEW);
    complete(actionTask(pi));
    reportPublished(pi);
    assertThat(pi).isWaitingAt(FiscalYearCycleProcess.TASK_COMMITTEE_HEARING).hasNotPassed(END_COMPLETED);
    assertThat(task(pi)).hasCandidateGroup("999999-committee").hasDueDate(EngineTestBeans.DUE);
    complete(task(pi));
    assertThat(pi).isEnded().hasPassedInOrder(CALL_ANNUAL_REPORT_PUBLICATION, FiscalYearCycleProcess.TASK_COMMITTEE_HEARING,
        FiscalYearCycleProcess.EVENT_OPINIONS_FOR_NEXT_YEAR).hasNotPassed(END_COMPLETED);
  }

  /** Headquarters evaluates in a year the committee does not meet. */
  @Test
  void headquartersWithoutTheCommittee() {
    EngineTestBeans.governance(true, false, false);
    var pi = startedAndReadyForTheCheck(true);
    headquartersApproves(pi);
    assertThat(pi).isWaitingAt(TASK_LIAISON_MEETING);
    complete(task(pi));
    assertThat(pi).isWaitingAt(TASK_ACTION_DECISIONS, CALL_ANNUAL_REPORT_PUBLICATION).hasNotPassed(TASK_COMMITTEE_REVIEW);
  }

  /**
   * Citizens' opinions (docs/opinion-triage.md): the window is still open when the Check starts, so the opinion
   * branch waits for its close beside the compile; headquarters approves first and the cycle waits at the join
   * until the secretariat has triaged; only then the committee.
   */
  @Test
  void theOpinionsAreTriagedBesideTheCheckAndTheCommitteeWaitsForThem() {
    var route = EngineTestBeans.opinions(true, true);
    var pi = startedAndReadyForTheCheck(false);
    assertThat(pi).isWaitingAt(TASK_COMPILE_CHECK, EVENT_OPINION_WINDOW_CLOSED);
    assertThat(job(EVENT_OPINION_WINDOW_CLOSED, pi)).hasDueDate(EngineTestBeans.OPINION_WINDOW_CLOSES);
    headquartersApproves(pi);
    assertThat(pi).isWaitingAt(EVENT_OPINION_WINDOW_CLOSED).isNotWaitingAt(TASK_COMMITTEE_REVIEW)
        .hasNotPassed(TASK_DECIDE_AREA_HAND_OFF);
    // headquarters' token waits at the join (not in history until the join completes)
    Assertions.assertThat(runtimeService().createExecutionQuery().processInstanceId(pi.getId())
        .activityId(GATEWAY_OPINIONS_JOIN).count()).isEqualTo(1);
    execute(job(EVENT_OPINION_WINDOW_CLOSED, pi));
    var triage = taskAt(pi, TASK_OPINION_TRIAGE);
    assertThat(triage).hasCandidateGroup("999999-secretariat").hasDueDate(EngineTestBeans.DUE);
    when(route.anyReceived(any())).thenReturn(false);
    complete(triage);
    // asyncAfter: the join is reached in a job, not in the secretariat's transaction
    assertThat(pi).isNotWaitingAt(TASK_COMMITTEE_REVIEW);
    runAsyncJobs(pi);
    assertThat(pi).isWaitingAt(TASK_COMMITTEE_REVIEW).hasPassedInOrder(TASK_OPINION_TRIAGE, TASK_DECIDE_AREA_HAND_OFF);
    complete(task(pi), withVariables(COMMITTEE_ACCEPTED, true));
    complete(actionTask(pi));
    reportPublished(pi);
    assertThat(pi).isEnded();
    Assertions.assertThat(historyOf(pi, TASK_OPINION_TRIAGE)).isEqualTo(1);
  }

  /** Triaged before the compile is done: the compile and headquarters go on to the committee without waiting. */
  @Test
  void opinionsTriagedFirstAndTheCommitteeReturnDoesNotAskAgain() {
    var route = EngineTestBeans.opinions(false, true);
    var pi = startedAndReadyForTheCheck(false);
    assertThat(pi).isWaitingAt(TASK_COMPILE_CHECK, TASK_OPINION_TRIAGE).hasNotPassed(EVENT_OPINION_WINDOW_CLOSED);
    when(route.anyReceived(any())).thenReturn(false);
    complete(taskAt(pi, TASK_OPINION_TRIAGE));
    runAsyncJobs(pi);
    assertThat(pi).isWaitingAt(TASK_COMPILE_CHECK);
    complete(taskAt(pi, TASK_COMPILE_CHECK));
    complete(task(pi), withVariables(HEADQUARTERS_APPROVED, true));
    assertThat(pi).isWaitingAt(TASK_COMMITTEE_REVIEW);
    // the committee asks for changes: the Check runs again, the opinion branch finds nothing left and joins at once
    complete(task(pi), withVariables(COMMITTEE_ACCEPTED, false));
    assertThat(pi).isWaitingAt(TASK_COMPILE_CHECK);
    headquartersApproves(pi);
    assertThat(pi).isWaitingAt(TASK_COMMITTEE_REVIEW);
    Assertions.assertThat(historyOf(pi, GATEWAY_OPINIONS_FORK)).isEqualTo(2);
    Assertions.assertThat(historyOf(pi, TASK_OPINION_TRIAGE)).isEqualTo(1);
  }

  /** No opinion: no triage task; a member of an area hands in only after the join (its report has the section too). */
  @Test
  void withoutOpinionsThereIsNoTriageTask() {
    var pi = startedAndReadyForTheCheck(false);
    assertThat(pi).isWaitingAt(TASK_COMPILE_CHECK).hasPassed("Gateway_OpinionsReceived");
    headquartersApproves(pi);
    assertThat(pi).isWaitingAt(TASK_COMMITTEE_REVIEW).hasNotPassed(TASK_OPINION_TRIAGE, EVENT_OPINION_WINDOW_CLOSED);
  }
}

package jp.climatepdca.cycle;

import static jp.climatepdca.cycle.FiscalYearCycleProcess.CALL_SELF_ASSESSMENTS;
import static jp.climatepdca.cycle.FiscalYearCycleProcess.COMMITTEE_ACCEPTED;
import static jp.climatepdca.cycle.FiscalYearCycleProcess.END_COMPLETED;
import static jp.climatepdca.cycle.FiscalYearCycleProcess.EVENT_APRIL_CHECK_DATE;
import static jp.climatepdca.cycle.FiscalYearCycleProcess.HEADQUARTERS_APPROVED;
import static jp.climatepdca.cycle.FiscalYearCycleProcess.LIAISON_MEETING;
import static jp.climatepdca.cycle.FiscalYearCycleProcess.TASK_ACTION_DECISIONS;
import static jp.climatepdca.cycle.FiscalYearCycleProcess.TASK_COMMITTEE_REVIEW;
import static jp.climatepdca.cycle.FiscalYearCycleProcess.TASK_COMPILE_CHECK;
import static jp.climatepdca.cycle.FiscalYearCycleProcess.TASK_HEADQUARTERS_EVALUATION;
import static jp.climatepdca.cycle.FiscalYearCycleProcess.TASK_LIAISON_MEETING;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processInstanceQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.List;
import jp.climatepdca.assessment.DepartmentSelfAssessmentProcess;
import jp.climatepdca.testing.EngineTestBeans;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every path of bpmn/fiscal-year-cycle.bpmn: with and without a liaison meeting, returned by
 * headquarters and by the committee. The called department process runs for real (three departments).
 */
@Deployment(resources = {"bpmn/fiscal-year-cycle.bpmn", "bpmn/department-self-assessment.bpmn",
    "forms/self-assessment-entry.form", "forms/self-assessment-review.form", "forms/cycle-compile-check.form",
    "forms/headquarters-evaluation.form", "forms/liaison-meeting.form", "forms/committee-review.form",
    "forms/action-decisions.form"})
class FiscalYearCycleProcessTest {

  private static final List<String> DEPARTMENTS = List.of("env", "waste", "urban");

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder(EngineTestBeans.CONFIGURATION)
      .assertClassCoverageAtLeast(0.9).build();

  @BeforeEach
  void beans() {
    EngineTestBeans.register(DEPARTMENTS);
  }

  @AfterEach
  void reset() {
    EngineTestBeans.reset();
  }

  private ProcessInstance start(boolean liaisonMeeting) {
    var pi = runtimeService().startProcessInstanceByKey(FiscalYearCycleProcess.KEY, "999999:2026",
        withVariables("municipality", "999999", "fiscalYear", 2026, "reviewYear", 2025,
            LIAISON_MEETING, liaisonMeeting));
    assertThat(pi).isWaitingAt(EVENT_APRIL_CHECK_DATE);
    assertThat(job(pi)).hasDueDate(EngineTestBeans.APRIL_CHECK);
    execute(job(pi));
    return pi;
  }

  /** Each department's called instance goes through entry, head approval and secretariat acceptance. */
  private void allDepartmentsAccepted(ProcessInstance cycle) {
    assertThat(cycle).isWaitingAt(CALL_SELF_ASSESSMENTS);
    var departments = processInstanceQuery().superProcessInstanceId(cycle.getId()).list();
    Assertions.assertThat(departments).extracting(ProcessInstance::getBusinessKey)
        .containsExactlyInAnyOrder("999999:2026:env", "999999:2026:waste", "999999:2026:urban");
    for (var department : departments) {
      complete(task(department));
      complete(task(department), withVariables(DepartmentSelfAssessmentProcess.HEAD_APPROVED, true));
      complete(task(department), withVariables(DepartmentSelfAssessmentProcess.SECRETARIAT_ACCEPTED, true));
      assertThat(department).isEnded();
    }
    // asyncAfter on the loop: one job per completed department, then the join
    while (!jobsOf(cycle).isEmpty()) {
      execute(jobsOf(cycle).get(0));
    }
  }

  private static List<org.camunda.bpm.engine.runtime.Job> jobsOf(ProcessInstance pi) {
    return org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery()
        .processInstanceId(pi.getId()).list();
  }

  @Test
  void wholeYearWithoutLiaisonMeeting() {
    var pi = start(false);
    allDepartmentsAccepted(pi);
    assertThat(pi).isWaitingAt(TASK_COMPILE_CHECK);
    assertThat(task(pi)).hasCandidateGroup("999999-secretariat").hasDueDate(EngineTestBeans.DUE);
    complete(task(pi));
    assertThat(pi).isWaitingAt(TASK_HEADQUARTERS_EVALUATION);
    assertThat(task(pi)).hasCandidateGroup("999999-headquarters");
    complete(task(pi), withVariables(HEADQUARTERS_APPROVED, true));
    assertThat(pi).isWaitingAt(TASK_COMMITTEE_REVIEW);
    assertThat(task(pi)).hasCandidateGroup("999999-committee");
    complete(task(pi), withVariables(COMMITTEE_ACCEPTED, true));
    assertThat(pi).isWaitingAt(TASK_ACTION_DECISIONS);
    assertThat(task(pi)).hasCandidateGroup("999999-secretariat");
    complete(task(pi));
    assertThat(pi).isEnded().hasPassed(END_COMPLETED).hasNotPassed(TASK_LIAISON_MEETING);
  }

  @Test
  void liaisonMeetingBetweenHeadquartersAndCommittee() {
    var pi = start(true);
    allDepartmentsAccepted(pi);
    complete(task(pi));
    complete(task(pi), withVariables(HEADQUARTERS_APPROVED, true));
    assertThat(pi).isWaitingAt(TASK_LIAISON_MEETING);
    assertThat(task(pi)).hasCandidateGroup("999999-liaison");
    complete(task(pi));
    assertThat(pi).isWaitingAt(TASK_COMMITTEE_REVIEW);
    complete(task(pi), withVariables(COMMITTEE_ACCEPTED, true));
    complete(task(pi));
    assertThat(pi).isEnded().hasPassedInOrder(TASK_HEADQUARTERS_EVALUATION, TASK_LIAISON_MEETING,
        TASK_COMMITTEE_REVIEW, TASK_ACTION_DECISIONS);
  }

  @Test
  void headquartersSendsTheCheckBackToTheSecretariat() {
    var pi = start(false);
    allDepartmentsAccepted(pi);
    complete(task(pi));
    complete(task(pi), withVariables(HEADQUARTERS_APPROVED, false));
    assertThat(pi).isWaitingAt(TASK_COMPILE_CHECK)
        .hasPassedInOrder(TASK_HEADQUARTERS_EVALUATION, "Gateway_HeadquartersDecision", "Gateway_CheckMerge");
    complete(task(pi));
    assertThat(pi).isWaitingAt(TASK_HEADQUARTERS_EVALUATION);
  }

  @Test
  void committeeAsksForChangesAndTheCheckRunsAgain() {
    var pi = start(false);
    allDepartmentsAccepted(pi);
    complete(task(pi));
    complete(task(pi), withVariables(HEADQUARTERS_APPROVED, true));
    complete(task(pi), withVariables(COMMITTEE_ACCEPTED, false));
    assertThat(pi).isWaitingAt(TASK_COMPILE_CHECK)
        .hasPassedInOrder(TASK_COMMITTEE_REVIEW, "Gateway_CommitteeDecision", "Gateway_CheckMerge");
    complete(task(pi));
    complete(task(pi), withVariables(HEADQUARTERS_APPROVED, true));
    complete(task(pi), withVariables(COMMITTEE_ACCEPTED, true));
    complete(task(pi));
    assertThat(pi).isEnded();
  }
}

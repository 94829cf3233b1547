package jp.climatepdca.periodevaluation;

import static jp.climatepdca.periodevaluation.PlanPeriodEvaluationProcess.END_CONTINUED;
import static jp.climatepdca.periodevaluation.PlanPeriodEvaluationProcess.END_REVISED;
import static jp.climatepdca.periodevaluation.PlanPeriodEvaluationProcess.GATEWAY_COMPILE_MERGE;
import static jp.climatepdca.periodevaluation.PlanPeriodEvaluationProcess.GATEWAY_REVISION_MERGE;
import static jp.climatepdca.periodevaluation.PlanPeriodEvaluationProcess.PLAN_REVISION;
import static jp.climatepdca.periodevaluation.PlanPeriodEvaluationProcess.GATEWAY_COMMITTEE_REVISION;
import static jp.climatepdca.periodevaluation.PlanPeriodEvaluationProcess.REVISION_APPROVED;
import static jp.climatepdca.periodevaluation.PlanPeriodEvaluationProcess.REVISION_RETURNED_BY_COMMITTEE;
import static jp.climatepdca.periodevaluation.PlanPeriodEvaluationProcess.TASK_APPROVE_REVISION;
import static jp.climatepdca.periodevaluation.PlanPeriodEvaluationProcess.TASK_CHECK_TREND;
import static jp.climatepdca.periodevaluation.PlanPeriodEvaluationProcess.TASK_COMMITTEE_OPINIONS;
import static jp.climatepdca.periodevaluation.PlanPeriodEvaluationProcess.TASK_COMMITTEE_REVISION_REVIEW;
import static jp.climatepdca.periodevaluation.PlanPeriodEvaluationProcess.TASK_COMPILE_TREND;
import static jp.climatepdca.periodevaluation.PlanPeriodEvaluationProcess.TASK_CREATE_VERSION;
import static jp.climatepdca.periodevaluation.PlanPeriodEvaluationProcess.TASK_DECIDE_OUTCOME;
import static jp.climatepdca.periodevaluation.PlanPeriodEvaluationProcess.TASK_HEADQUARTERS_EVALUATION;
import static jp.climatepdca.periodevaluation.PlanPeriodEvaluationProcess.TASK_REVISE_PLAN;
import static jp.climatepdca.periodevaluation.PlanPeriodEvaluationProcess.TREND_EVALUATED;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.ArrayList;
import java.util.List;
import jp.climatepdca.testing.EngineTestBeans;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every path of bpmn/plan-period-evaluation.bpmn (continue; revise into a new version, the committee reviewing
 * the draft with opinions only; an approving committee returns the draft; headquarters returns the trend,
 * which is compiled again; headquarters returns the revision) and the daily timer of
 * bpmn/plan-period-evaluation-schedule.bpmn. The listeners and delegates are stand-ins that record their
 * calls; PeriodEvaluationApiTest drives the real ones.
 */
@Deployment(resources = {"bpmn/plan-period-evaluation.bpmn", "bpmn/plan-period-evaluation-schedule.bpmn",
    "forms/period-trend-check.form", "forms/period-headquarters-evaluation.form",
    "forms/period-committee-opinions.form", "forms/period-outcome.form", "forms/plan-revision.form",
    "forms/plan-revision-approval.form", "forms/plan-revision-review.form"})
class PlanPeriodEvaluationProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder(EngineTestBeans.CONFIGURATION)
      .assertClassCoverageAtLeast(0.9).build();

  private final List<String> calls = new ArrayList<>();

  @BeforeEach
  void beans() {
    EngineTestBeans.register(engine.getProcessEngine(), List.of());
    TaskListener nothing = task -> { };
    for (var name : List.of("periodTrendCheckListener", "periodHeadquartersListener", "periodCommitteeListener",
        "periodOutcomeListener", "revisePlanListener", "approveRevisionListener", "revisionReviewListener")) {
      Mocks.register(name, nothing);
    }
    Mocks.register("compilePeriodTrendDelegate", (JavaDelegate) execution -> calls.add("compile"));
    Mocks.register("createPlanVersionDelegate", (JavaDelegate) execution -> calls.add("version"));
    Mocks.register("duePeriodEvaluationsDelegate", (JavaDelegate) execution -> calls.add("due"));
  }

  @AfterEach
  void reset() {
    org.camunda.bpm.engine.impl.util.ClockUtil.reset();
    EngineTestBeans.reset();
  }

  private static ProcessInstance start() {
    var pi = runtimeService().startProcessInstanceByKey(PlanPeriodEvaluationProcess.KEY, "999999:2025:period",
        withVariables("municipality", "999999", "fiscalYear", 2025));
    assertThat(pi).hasPassed(TASK_COMPILE_TREND).isWaitingAt(TASK_CHECK_TREND);
    return pi;
  }

  private static void at(ProcessInstance pi, String task, String group) {
    assertThat(pi).isWaitingAt(task);
    assertThat(task(pi)).hasCandidateGroup(group);
  }

  private static void checkAndEvaluate(ProcessInstance pi) {
    at(pi, TASK_CHECK_TREND, "999999-secretariat");
    complete(task(pi));
    at(pi, TASK_HEADQUARTERS_EVALUATION, "999999-headquarters");
    complete(task(pi), withVariables(TREND_EVALUATED, true));
    at(pi, TASK_COMMITTEE_OPINIONS, "999999-committee");
    complete(task(pi));
    at(pi, TASK_DECIDE_OUTCOME, "999999-headquarters");
  }

  @Test
  void theCommitteeHeardHeadquartersContinuesThePlan() {
    var pi = start();
    checkAndEvaluate(pi);
    complete(task(pi), withVariables(PLAN_REVISION, false));
    assertThat(pi).isEnded().hasPassedInOrder(TASK_COMPILE_TREND, TASK_CHECK_TREND, TASK_HEADQUARTERS_EVALUATION,
        TASK_COMMITTEE_OPINIONS, TASK_DECIDE_OUTCOME, END_CONTINUED).hasNotPassed(TASK_REVISE_PLAN);
    Assertions.assertThat(calls).containsExactly("compile");
  }

  @Test
  void aRevisionApprovedBecomesTheNextVersion() {
    var pi = draftSubmitted();
    reviewedByTheCommittee(pi, false);
    at(pi, TASK_APPROVE_REVISION, "999999-headquarters");
    complete(task(pi), withVariables(REVISION_APPROVED, true));
    assertThat(pi).isEnded().hasPassedInOrder(TASK_DECIDE_OUTCOME, TASK_REVISE_PLAN, TASK_COMMITTEE_REVISION_REVIEW,
        GATEWAY_COMMITTEE_REVISION, TASK_APPROVE_REVISION, TASK_CREATE_VERSION, END_REVISED).hasNotPassed(END_CONTINUED);
    Assertions.assertThat(calls).containsExactly("compile", "version");
  }

  /** The listener (stand-in here) sets the flag: true only for an approving committee's return. */
  private static void reviewedByTheCommittee(ProcessInstance pi, boolean returned) {
    at(pi, TASK_COMMITTEE_REVISION_REVIEW, "999999-committee");
    complete(task(pi), withVariables(REVISION_RETURNED_BY_COMMITTEE, returned));
  }

  /** Headquarters decided to revise and the secretariat submitted its draft: the committee's review is open. */
  private static ProcessInstance draftSubmitted() {
    var pi = start();
    checkAndEvaluate(pi);
    complete(task(pi), withVariables(PLAN_REVISION, true));
    at(pi, TASK_REVISE_PLAN, "999999-secretariat");
    complete(task(pi));
    return pi;
  }

  @Test
  void anApprovingCommitteeSendsTheDraftBackToTheSecretariat() {
    var pi = draftSubmitted();
    reviewedByTheCommittee(pi, true);
    assertThat(pi).hasPassedInOrder(TASK_COMMITTEE_REVISION_REVIEW, GATEWAY_COMMITTEE_REVISION, GATEWAY_REVISION_MERGE)
        .hasNotPassed(TASK_APPROVE_REVISION);
    at(pi, TASK_REVISE_PLAN, "999999-secretariat");
    complete(task(pi));
    reviewedByTheCommittee(pi, false);
    complete(task(pi), withVariables(REVISION_APPROVED, true));
    assertThat(pi).isEnded().hasPassed(END_REVISED);
    Assertions.assertThat(passes(pi, TASK_REVISE_PLAN)).isEqualTo(2);
    Assertions.assertThat(passes(pi, TASK_COMMITTEE_REVISION_REVIEW)).isEqualTo(2);
    Assertions.assertThat(passes(pi, TASK_APPROVE_REVISION)).isEqualTo(1);
    Assertions.assertThat(calls).containsExactly("compile", "version");
  }

  @Test
  void headquartersReturnsTheTrendWhichIsCompiledAgain() {
    var pi = start();
    complete(task(pi));
    at(pi, TASK_HEADQUARTERS_EVALUATION, "999999-headquarters");
    complete(task(pi), withVariables(TREND_EVALUATED, false));
    assertThat(pi).hasPassedInOrder(TASK_HEADQUARTERS_EVALUATION, GATEWAY_COMPILE_MERGE, TASK_COMPILE_TREND)
        .hasNotPassed(TASK_COMMITTEE_OPINIONS);
    Assertions.assertThat(calls).containsExactly("compile", "compile");
    checkAndEvaluate(pi);
    complete(task(pi), withVariables(PLAN_REVISION, false));
    assertThat(pi).isEnded();
    Assertions.assertThat(passes(pi, TASK_CHECK_TREND)).isEqualTo(2);
  }

  @Test
  void headquartersReturnsTheRevisionToTheSecretariat() {
    var pi = draftSubmitted();
    reviewedByTheCommittee(pi, false);
    at(pi, TASK_APPROVE_REVISION, "999999-headquarters");
    complete(task(pi), withVariables(REVISION_APPROVED, false));
    assertThat(pi).hasPassedInOrder(TASK_APPROVE_REVISION, GATEWAY_REVISION_MERGE).hasNotPassed(TASK_CREATE_VERSION);
    at(pi, TASK_REVISE_PLAN, "999999-secretariat");
    complete(task(pi));
    // the draft changed since the committee saw it: the committee reviews it again
    reviewedByTheCommittee(pi, false);
    complete(task(pi), withVariables(REVISION_APPROVED, true));
    assertThat(pi).isEnded().hasPassed(END_REVISED);
    Assertions.assertThat(passes(pi, TASK_REVISE_PLAN)).isEqualTo(2);
    Assertions.assertThat(calls).containsExactly("compile", "version");
  }

  @Test
  void theScheduleChecksEveryDayForDueEvaluations() {
    var timer = managementService().createJobQuery().processDefinitionKey(PlanPeriodEvaluationProcess.SCHEDULE_KEY)
        .timers().singleResult();
    Assertions.assertThat(timer).isNotNull();
    var next = timer.getDuedate().toInstant().atZone(java.time.ZoneId.systemDefault());
    Assertions.assertThat(next.getHour()).isEqualTo(6);
    // the job fires at its due time (the engine's clock), so the next is computed from then
    org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(new java.util.Date(timer.getDuedate().getTime() + 1000));
    execute(timer);
    // the check is a job of its own: a failed day is an incident of that day's instance, the timer goes on
    Assertions.assertThat(calls).isEmpty();
    execute(managementService().createJobQuery().processDefinitionKey(PlanPeriodEvaluationProcess.SCHEDULE_KEY)
        .messages().singleResult());
    Assertions.assertThat(calls).containsExactly("due");
    Assertions.assertThat(historyService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(PlanPeriodEvaluationProcess.SCHEDULE_KEY).finished().count()).isEqualTo(1);
    // the cycle goes on: the next day's timer is waiting
    Assertions.assertThat(managementService().createJobQuery().processDefinitionKey(PlanPeriodEvaluationProcess.SCHEDULE_KEY)
        .timers().singleResult().getDuedate()).isAfter(timer.getDuedate());
  }

  private static long passes(ProcessInstance pi, String activityId) {
    return historyService().createHistoricActivityInstanceQuery().processInstanceId(pi.getId()).activityId(activityId)
        .count();
  }
}

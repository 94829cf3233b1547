package jp.climatepdca.area;

import static jp.climatepdca.area.AreaCycleProcess.END_COMPLETED;
import static jp.climatepdca.area.AreaCycleProcess.END_MEMBER_RESULT_RECEIVED;
import static jp.climatepdca.area.AreaCycleProcess.END_PROCEEDED_WITHOUT;
import static jp.climatepdca.area.AreaCycleProcess.EVENT_REMINDER_DEADLINE;
import static jp.climatepdca.area.AreaCycleProcess.EVENT_RESULT_DEADLINE;
import static jp.climatepdca.area.AreaCycleProcess.MEMBER;
import static jp.climatepdca.area.AreaCycleProcess.MEMBER_RETURNED;
import static jp.climatepdca.area.AreaCycleProcess.PROCEED_WITHOUT_MEMBER;
import static jp.climatepdca.area.AreaCycleProcess.RETURNED_MEMBER;
import static jp.climatepdca.area.AreaCycleProcess.TASK_APPROVE_AREA_REPORT;
import static jp.climatepdca.area.AreaCycleProcess.TASK_AREA_ACTION_DECISIONS;
import static jp.climatepdca.area.AreaCycleProcess.TASK_AREA_COMMITTEE_OPINIONS;
import static jp.climatepdca.area.AreaCycleProcess.TASK_AREA_LIAISON_MEETING;
import static jp.climatepdca.area.AreaCycleProcess.TASK_AWAIT_MEMBER_RESULT;
import static jp.climatepdca.area.AreaCycleProcess.TASK_AWAIT_RETURNED_RESULT;
import static jp.climatepdca.area.AreaCycleProcess.TASK_CHECK_AREA_COMPILATION;
import static jp.climatepdca.area.AreaCycleProcess.TASK_COMPILE_AREA;
import static jp.climatepdca.area.AreaCycleProcess.TASK_HANDLE_LATE_MEMBER;
import static jp.climatepdca.area.AreaCycleProcess.TASK_NOTIFY_MEMBERS;
import static jp.climatepdca.area.AreaCycleProcess.TASK_PUBLISH_AREA_REPORT;
import static jp.climatepdca.area.AreaCycleProcess.TASK_RESPOND_TO_OPINIONS;
import static jp.climatepdca.area.AreaCycleProcess.TASK_RETURN_MEMBER_RESULT;
import static jp.climatepdca.area.AreaCycleProcess.TASK_START_MEMBER_CYCLES;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import jp.climatepdca.testing.EngineTestBeans;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every path of bpmn/area-cycle.bpmn with three members: all on time; a late member reminded (and reminded
 * again) who then hands in; a late member the secretariat goes on without; a late member handing in while
 * the secretariat's task is open; the liaison meeting returning one member, whose re-submission alone the
 * area waits for before compiling again; then the committee's opinions, the responses, the Action, the
 * approval, the publication and the members' notification. The area-report delegates (compile, publish) and
 * our own services are mocks; the Spring tests drive the real ones.
 */
@Deployment(resources = {"bpmn/area-cycle.bpmn", "forms/area-late-member.form", "forms/area-compilation-check.form",
    "forms/area-liaison-meeting.form", "forms/area-committee-opinions.form", "forms/area-opinion-responses.form",
    "forms/area-action-decisions.form", "forms/area-report-approval.form"})
class AreaCycleProcessTest {

  private static final String AREA = "demo-area";
  private static final String BUSINESS_KEY = AREA + ":2026";
  private static final List<String> MEMBERS = List.of("999999", "999101", "999102");
  private static final Date DEADLINE = Date.from(Instant.parse("2026-11-01T00:00:00Z"));
  private static final Date REMINDER = Date.from(Instant.parse("2026-11-16T00:00:00Z"));
  private static final List<String> LISTENERS = List.of("lateMemberListener", "areaCompilationCheckListener",
      "areaLiaisonMeetingListener", "areaCommitteeOpinionsListener", "areaOpinionResponsesListener",
      "areaActionDecisionsListener", "areaReportApprovalListener");

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder(EngineTestBeans.CONFIGURATION)
      .assertClassCoverageAtLeast(1.0).build();

  private final JavaDelegate startMembers = mock(JavaDelegate.class);
  private final JavaDelegate compile = mock(JavaDelegate.class);
  private final JavaDelegate publish = mock(JavaDelegate.class);
  private final JavaDelegate notifyMembers = mock(JavaDelegate.class);

  @BeforeEach
  void beans() throws Exception {
    EngineTestBeans.register(engine.getProcessEngine(), List.of());
    var members = mock(AreaCycleMembers.class);
    when(members.joined(anyString(), anyInt())).thenReturn(MEMBERS);
    Mocks.register("areaCycleMembers", members);
    var schedule = mock(AreaCycleSchedule.class);
    when(schedule.resultDeadline(anyString(), anyInt())).thenReturn(DEADLINE);
    when(schedule.reminderDeadline(anyString(), anyInt(), anyString())).thenReturn(REMINDER);
    Mocks.register("areaCycleSchedule", schedule);
    Mocks.register("startMemberCyclesDelegate", startMembers);
    Mocks.register("compileAreaDelegate", compile);
    Mocks.register("publishAreaReportDelegate", publish);
    Mocks.register("notifyMembersDelegate", notifyMembers);
    // the real delegate finds the returned member in area_cycle_member; here it is always 999101
    var returnMember = mock(JavaDelegate.class);
    doAnswer(call -> {
      call.getArgument(0, DelegateExecution.class).setVariable(RETURNED_MEMBER, "999101");
      return null;
    }).when(returnMember).execute(any());
    Mocks.register("returnMemberResultDelegate", returnMember);
    TaskListener nothing = task -> { };
    LISTENERS.forEach(name -> Mocks.register(name, nothing));
  }

  @AfterEach
  void reset() {
    EngineTestBeans.reset();
  }

  private ProcessInstance start() throws Exception {
    var pi = runtimeService().startProcessInstanceByKey(AreaCycleProcess.KEY, BUSINESS_KEY,
        withVariables(AreaCycleProcess.AREA, AREA, AreaCycleProcess.FISCAL_YEAR, 2026));
    assertThat(pi).hasPassed(TASK_START_MEMBER_CYCLES).isWaitingAt(TASK_AWAIT_MEMBER_RESULT);
    verify(startMembers).execute(any());
    Assertions.assertThat(runtimeService().createExecutionQuery().processInstanceId(pi.getId())
        .activityId(TASK_AWAIT_MEMBER_RESULT).count()).isEqualTo(3);
    Assertions.assertThat(jobQuery().processInstanceId(pi.getId()).timers().list())
        .hasSize(3).allSatisfy(timer -> Assertions.assertThat(timer.getDuedate()).isEqualTo(DEADLINE));
    return pi;
  }

  /** What fiscal-year-cycle's Event_ResultHandedToArea does: AreaMemberResult to the receive task of the member. */
  private static void handIn(String member) {
    runtimeService().createMessageCorrelation(AreaCycleProcess.MESSAGE_MEMBER_RESULT)
        .processInstanceBusinessKey(BUSINESS_KEY).localVariableEquals(MEMBER, member).correlate();
  }

  /** The multi-instance's asyncAfter (one job per member), the service tasks' asyncBefore; not the timers. */
  private static void runAsyncJobs(ProcessInstance pi) {
    while (!asyncJobsOf(pi).isEmpty()) {
      execute(asyncJobsOf(pi).get(0));
    }
  }

  private static List<Job> asyncJobsOf(ProcessInstance pi) {
    return jobQuery().processInstanceId(pi.getId()).messages().list();
  }

  private static org.camunda.bpm.engine.task.Task taskAt(ProcessInstance pi, String key) {
    return taskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).singleResult();
  }

  /** From the compilation to the end: the secretariat, the liaison meeting accepting, and everything after it. */
  private void compiledAndDecided(ProcessInstance pi) throws Exception {
    runAsyncJobs(pi);
    assertThat(pi).hasPassed(TASK_COMPILE_AREA).isWaitingAt(TASK_CHECK_AREA_COMPILATION);
    assertThat(task(pi)).hasCandidateGroup("demo-area-secretariat");
    complete(task(pi));
    assertThat(pi).isWaitingAt(TASK_AREA_LIAISON_MEETING);
    assertThat(task(pi)).hasCandidateGroup("demo-area-liaison");
    complete(task(pi), withVariables(MEMBER_RETURNED, false));
    // advisory: the committee's task has no decision, and nothing leads back from it
    assertThat(pi).isWaitingAt(TASK_AREA_COMMITTEE_OPINIONS);
    assertThat(task(pi)).hasCandidateGroup("demo-area-committee");
    complete(task(pi));
    assertThat(pi).isWaitingAt(TASK_RESPOND_TO_OPINIONS);
    assertThat(task(pi)).hasCandidateGroup("demo-area-secretariat");
    complete(task(pi));
    assertThat(pi).isWaitingAt(TASK_AREA_ACTION_DECISIONS);
    assertThat(task(pi)).hasCandidateGroup("demo-area-secretariat");
    complete(task(pi));
    assertThat(pi).isWaitingAt(TASK_APPROVE_AREA_REPORT);
    assertThat(task(pi)).hasCandidateGroup("demo-area-secretariat");
    complete(task(pi));
    // publication and notification are jobs: a failure there is retried, the approval stays done
    assertThat(pi).isWaitingAt(TASK_PUBLISH_AREA_REPORT);
    execute(job(TASK_PUBLISH_AREA_REPORT, pi));
    verify(publish).execute(any());
    assertThat(pi).isWaitingAt(TASK_NOTIFY_MEMBERS);
    execute(job(TASK_NOTIFY_MEMBERS, pi));
    verify(notifyMembers).execute(any());
    assertThat(pi).isEnded().hasPassedInOrder(TASK_COMPILE_AREA, TASK_CHECK_AREA_COMPILATION,
        TASK_AREA_LIAISON_MEETING, TASK_AREA_COMMITTEE_OPINIONS, TASK_RESPOND_TO_OPINIONS, TASK_AREA_ACTION_DECISIONS,
        TASK_APPROVE_AREA_REPORT, TASK_PUBLISH_AREA_REPORT, TASK_NOTIFY_MEMBERS, END_COMPLETED);
  }

  @Test
  void everyMemberHandsInOnTime() throws Exception {
    var pi = start();
    MEMBERS.forEach(AreaCycleProcessTest::handIn);
    // each member's deadline timer went with its result
    Assertions.assertThat(jobQuery().processInstanceId(pi.getId()).timers().count()).isZero();
    verify(compile, times(0)).execute(any());
    compiledAndDecided(pi);
    verify(compile, times(1)).execute(any());
    assertThat(pi).hasNotPassed(TASK_HANDLE_LATE_MEMBER).hasNotPassed(TASK_RETURN_MEMBER_RESULT);
    Assertions.assertThat(historyOf(pi, END_MEMBER_RESULT_RECEIVED)).isEqualTo(3);
  }

  @Test
  void theAreaWaitsForEveryMember() throws Exception {
    var pi = start();
    handIn("999999");
    handIn("999101");
    runAsyncJobs(pi);
    assertThat(pi).isWaitingAt(TASK_AWAIT_MEMBER_RESULT).hasNotPassed(TASK_COMPILE_AREA);
    // a member hands in once: its receive task is gone
    assertThatThrownBy(() -> handIn("999101")).isInstanceOf(MismatchingMessageCorrelationException.class);
  }

  @Test
  void aLateMemberIsRemindedTwiceAndThenHandsIn() throws Exception {
    var pi = start();
    handIn("999999");
    handIn("999101");
    execute(job(EVENT_RESULT_DEADLINE, pi));
    var late = taskAt(pi, TASK_HANDLE_LATE_MEMBER);
    assertThat(late).hasCandidateGroup("demo-area-secretariat");
    // non-interrupting: the member can still hand in while the secretariat decides
    assertThat(pi).isWaitingAt(TASK_AWAIT_MEMBER_RESULT, TASK_HANDLE_LATE_MEMBER);
    complete(late, withVariables(PROCEED_WITHOUT_MEMBER, false));
    assertThat(pi).isWaitingAt(TASK_AWAIT_MEMBER_RESULT, EVENT_REMINDER_DEADLINE);
    assertThat(job(EVENT_REMINDER_DEADLINE, pi)).hasDueDate(REMINDER);
    execute(job(EVENT_REMINDER_DEADLINE, pi));
    complete(taskAt(pi, TASK_HANDLE_LATE_MEMBER), withVariables(PROCEED_WITHOUT_MEMBER, false));
    handIn("999102");
    // the reminder's timer went with the result
    Assertions.assertThat(jobQuery().processInstanceId(pi.getId()).timers().count()).isZero();
    Assertions.assertThat(historyOf(pi, TASK_HANDLE_LATE_MEMBER)).isEqualTo(2);
    compiledAndDecided(pi);
    assertThat(pi).hasNotPassed(END_PROCEEDED_WITHOUT);
  }

  @Test
  void theSecretariatGoesOnWithoutALateMember() throws Exception {
    var pi = start();
    handIn("999999");
    handIn("999102");
    execute(job(EVENT_RESULT_DEADLINE, pi));
    complete(taskAt(pi, TASK_HANDLE_LATE_MEMBER), withVariables(PROCEED_WITHOUT_MEMBER, true));
    assertThat(pi).hasPassed(END_PROCEEDED_WITHOUT);
    // the member's receive task ended with it: a late hand-in finds nothing to correlate
    Assertions.assertThat(runtimeService().createExecutionQuery().processInstanceId(pi.getId())
        .activityId(TASK_AWAIT_MEMBER_RESULT).count()).isZero();
    assertThatThrownBy(() -> handIn("999101")).isInstanceOf(MismatchingMessageCorrelationException.class);
    compiledAndDecided(pi);
  }

  @Test
  void aLateMemberHandsInWhileTheSecretariatDecides() throws Exception {
    var pi = start();
    handIn("999999");
    handIn("999101");
    execute(job(EVENT_RESULT_DEADLINE, pi));
    Assertions.assertThat(taskAt(pi, TASK_HANDLE_LATE_MEMBER)).isNotNull();
    handIn("999102");
    // the member's result ends its sub-process: the secretariat's open task is gone
    Assertions.assertThat(taskAt(pi, TASK_HANDLE_LATE_MEMBER)).isNull();
    compiledAndDecided(pi);
  }

  @Test
  void theLiaisonMeetingReturnsOneMemberAndTheAreaWaitsForItAlone() throws Exception {
    var pi = start();
    MEMBERS.forEach(AreaCycleProcessTest::handIn);
    runAsyncJobs(pi);
    complete(task(pi));
    complete(task(pi), withVariables(MEMBER_RETURNED, true));
    // the return is a job: it correlates to the member's cycle, another tenant than the liaison user's
    assertThat(pi).isWaitingAt(TASK_RETURN_MEMBER_RESULT);
    execute(job(TASK_RETURN_MEMBER_RESULT, pi));
    assertThat(pi).isWaitingAt(TASK_AWAIT_RETURNED_RESULT);
    Assertions.assertThat(runtimeService().createExecutionQuery().processInstanceId(pi.getId())
        .activityId(TASK_AWAIT_RETURNED_RESULT).variableValueEquals(MEMBER, "999101").count()).isEqualTo(1);
    // another member's hand-in is not what the area waits for
    assertThatThrownBy(() -> handIn("999999")).isInstanceOf(MismatchingMessageCorrelationException.class);
    handIn("999101");
    assertThat(pi).isWaitingAt(TASK_CHECK_AREA_COMPILATION);
    Assertions.assertThat(historyOf(pi, TASK_COMPILE_AREA)).isEqualTo(2);
    compiledAndDecided(pi);
    verify(compile, times(2)).execute(any());
    Assertions.assertThat(historyOf(pi, TASK_AREA_LIAISON_MEETING)).isEqualTo(2);
  }

  private static long historyOf(ProcessInstance pi, String activityId) {
    return org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService()
        .createHistoricActivityInstanceQuery().processInstanceId(pi.getId()).activityId(activityId).count();
  }
}

package jp.climatepdca.area;

import static jp.climatepdca.area.AreaStaffMeetingProcess.END_MEETING_RECORDED;
import static jp.climatepdca.area.AreaStaffMeetingProcess.END_WORKING_GROUP_DISSOLVED;
import static jp.climatepdca.area.AreaStaffMeetingProcess.GATEWAY_ACTIVITY_MERGE;
import static jp.climatepdca.area.AreaStaffMeetingProcess.GATEWAY_DISSOLVED;
import static jp.climatepdca.area.AreaStaffMeetingProcess.GATEWAY_WORKING_GROUP_NEEDED;
import static jp.climatepdca.area.AreaStaffMeetingProcess.MEETING_DUE;
import static jp.climatepdca.area.AreaStaffMeetingProcess.TASK_DISSOLVE_WORKING_GROUP;
import static jp.climatepdca.area.AreaStaffMeetingProcess.TASK_PREPARE_AGENDA;
import static jp.climatepdca.area.AreaStaffMeetingProcess.TASK_RECORD_MEETING;
import static jp.climatepdca.area.AreaStaffMeetingProcess.TASK_SET_UP_WORKING_GROUP;
import static jp.climatepdca.area.AreaStaffMeetingProcess.WORKING_GROUP_DISSOLVED;
import static jp.climatepdca.area.AreaStaffMeetingProcess.WORKING_GROUP_DUE;
import static jp.climatepdca.area.AreaStaffMeetingProcess.WORKING_GROUP_REQUESTED;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import jp.climatepdca.testing.EngineTestBeans;
import org.assertj.core.api.Assertions;
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
 * Every path of bpmn/area-staff-meeting.bpmn: a meeting without a working group; one that sets up a working
 * group which reports and is dissolved; and one whose group postpones its dissolution before it reports. The
 * listeners are the Spring test's (AreaStaffMeetingApiTest); here the flags they set are given directly.
 */
@Deployment(resources = {"bpmn/area-staff-meeting.bpmn", "forms/staff-meeting-agenda.form",
    "forms/staff-meeting-record.form", "forms/working-group-setup.form", "forms/working-group-dissolution.form"})
class AreaStaffMeetingProcessTest {

  private static final String AREA = "demo-area";
  private static final Date MEETING_DAY = Date.from(Instant.parse("2026-06-10T08:00:00Z"));
  private static final Date PLANNED_DISSOLUTION = Date.from(Instant.parse("2027-03-31T08:00:00Z"));
  private static final Date POSTPONED_DISSOLUTION = Date.from(Instant.parse("2027-09-30T08:00:00Z"));

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder(EngineTestBeans.CONFIGURATION)
      .assertClassCoverageAtLeast(1.0).build();

  @BeforeEach
  void beans() {
    EngineTestBeans.register(engine.getProcessEngine(), List.of());
    TaskListener nothing = task -> { };
    for (var name : List.of("staffMeetingAgendaListener", "staffMeetingRecordListener", "workingGroupSetUpListener",
        "workingGroupDissolutionListener")) {
      Mocks.register(name, nothing);
    }
  }

  @AfterEach
  void reset() {
    EngineTestBeans.reset();
  }

  private static ProcessInstance start() {
    var pi = runtimeService().startProcessInstanceByKey(AreaStaffMeetingProcess.KEY, AREA + ":2026:staff-1",
        withVariables(AreaStaffMeetingProcess.AREA, AREA, AreaStaffMeetingProcess.FISCAL_YEAR, 2026));
    assertThat(pi).isWaitingAt(TASK_PREPARE_AGENDA);
    return pi;
  }

  /** Every task is the area's: its staff meeting group and its secretariat, nobody of a member town. */
  private static void assertAreaTask(ProcessInstance pi) {
    assertThat(task(pi)).hasCandidateGroup(AREA + "-staff-meeting").hasCandidateGroup(AREA + "-secretariat");
    Assertions.assertThat(engine.getProcessEngine().getTaskService().getIdentityLinksForTask(task(pi).getId()))
        .hasSize(2);
  }

  private static void heldAndRecorded(ProcessInstance pi, boolean workingGroup) {
    assertAreaTask(pi);
    Assertions.assertThat(task(pi).getDueDate()).isNull();
    complete(task(pi), withVariables(MEETING_DUE, MEETING_DAY));
    assertThat(pi).isWaitingAt(TASK_RECORD_MEETING);
    assertAreaTask(pi);
    assertThat(task(pi)).hasDueDate(MEETING_DAY);
    complete(task(pi), withVariables(WORKING_GROUP_REQUESTED, workingGroup));
  }

  private static void setUp(ProcessInstance pi) {
    assertThat(pi).isWaitingAt(TASK_SET_UP_WORKING_GROUP);
    assertAreaTask(pi);
    complete(task(pi), withVariables(WORKING_GROUP_DUE, PLANNED_DISSOLUTION));
  }

  @Test
  void aMeetingWithoutWorkingGroupEndsWhenItIsRecorded() {
    var pi = start();
    heldAndRecorded(pi, false);
    assertThat(pi).isEnded().hasPassedInOrder(TASK_PREPARE_AGENDA, TASK_RECORD_MEETING, GATEWAY_WORKING_GROUP_NEEDED,
        END_MEETING_RECORDED).hasNotPassed(TASK_SET_UP_WORKING_GROUP);
  }

  @Test
  void aWorkingGroupReportsByItsPlannedDissolutionAndIsDissolved() {
    var pi = start();
    heldAndRecorded(pi, true);
    setUp(pi);
    assertThat(pi).isWaitingAt(TASK_DISSOLVE_WORKING_GROUP);
    assertAreaTask(pi);
    assertThat(task(pi)).hasDueDate(PLANNED_DISSOLUTION);
    complete(task(pi), withVariables(WORKING_GROUP_DISSOLVED, true));
    assertThat(pi).isEnded().hasPassedInOrder(TASK_RECORD_MEETING, TASK_SET_UP_WORKING_GROUP, GATEWAY_ACTIVITY_MERGE,
        TASK_DISSOLVE_WORKING_GROUP, GATEWAY_DISSOLVED, END_WORKING_GROUP_DISSOLVED).hasNotPassed(END_MEETING_RECORDED);
  }

  @Test
  void aWorkingGroupPostponesItsDissolutionAndReportsByTheNewDay() {
    var pi = start();
    heldAndRecorded(pi, true);
    setUp(pi);
    assertThat(task(pi)).hasDueDate(PLANNED_DISSOLUTION);
    complete(task(pi), withVariables(WORKING_GROUP_DISSOLVED, false, WORKING_GROUP_DUE, POSTPONED_DISSOLUTION));
    assertThat(pi).isWaitingAt(TASK_DISSOLVE_WORKING_GROUP).hasNotPassed(END_WORKING_GROUP_DISSOLVED);
    assertThat(task(pi)).hasDueDate(POSTPONED_DISSOLUTION);
    complete(task(pi), withVariables(WORKING_GROUP_DISSOLVED, true));
    assertThat(pi).isEnded().hasPassed(END_WORKING_GROUP_DISSOLVED);
    Assertions.assertThat(historyService().createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
        .activityId(TASK_DISSOLVE_WORKING_GROUP).finished().count()).isEqualTo(2);
  }

  @Test
  void theBusinessKeyNamesTheAreaTheYearAndTheMeeting() {
    var pi = start();
    var key = StaffMeetingKey.of((org.camunda.bpm.engine.delegate.DelegateExecution) runtimeService()
        .createExecutionQuery().executionId(pi.getId()).singleResult());
    Assertions.assertThat(key).isEqualTo(new StaffMeetingKey(AREA, 2026, 1));
  }
}

package jp.climatepdca.assessment;

import static jp.climatepdca.assessment.DepartmentSelfAssessmentProcess.END_ACCEPTED;
import static jp.climatepdca.assessment.DepartmentSelfAssessmentProcess.HEAD_APPROVED;
import static jp.climatepdca.assessment.DepartmentSelfAssessmentProcess.SECRETARIAT_ACCEPTED;
import static jp.climatepdca.assessment.DepartmentSelfAssessmentProcess.TASK_ENTER;
import static jp.climatepdca.assessment.DepartmentSelfAssessmentProcess.TASK_HEAD_APPROVAL;
import static jp.climatepdca.assessment.DepartmentSelfAssessmentProcess.TASK_SECRETARIAT_REVIEW;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.List;
import org.assertj.core.api.Assertions;
import jp.climatepdca.testing.EngineTestBeans;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every path of bpmn/department-self-assessment.bpmn, returns included. */
@Deployment(resources = {"bpmn/department-self-assessment.bpmn", "forms/self-assessment-entry.form",
    "forms/self-assessment-review.form"})
class DepartmentSelfAssessmentProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder(EngineTestBeans.CONFIGURATION)
      .assertClassCoverageAtLeast(0.9).build();

  @BeforeEach
  void beans() {
    EngineTestBeans.register(engine.getProcessEngine(), List.of());
  }

  @AfterEach
  void reset() {
    EngineTestBeans.reset();
  }

  private ProcessInstance start() {
    return runtimeService().startProcessInstanceByKey(DepartmentSelfAssessmentProcess.KEY, "999999:2026:env",
        withVariables("municipality", "999999", "fiscalYear", 2026, "reviewYear", 2025,
            DepartmentSelfAssessmentProcess.DEPARTMENT_CODE, "env"));
  }

  @Test
  void approvedByHeadAndAcceptedBySecretariat() {
    var pi = start();
    assertThat(pi).isWaitingAt(TASK_ENTER);
    assertThat(task(pi)).hasCandidateGroup("999999-env-staff").hasDueDate(EngineTestBeans.DUE);
    Assertions.assertThat(formService().getTaskFormData(task(pi).getId()).getCamundaFormRef().getKey())
        .isEqualTo("self-assessment-entry");
    complete(task(pi));
    assertThat(pi).isWaitingAt(TASK_HEAD_APPROVAL);
    assertThat(task(pi)).hasCandidateGroup("999999-env-head");
    complete(task(pi), withVariables(HEAD_APPROVED, true));
    assertThat(pi).isWaitingAt(TASK_SECRETARIAT_REVIEW);
    assertThat(task(pi)).hasCandidateGroup("999999-secretariat");
    complete(task(pi), withVariables(SECRETARIAT_ACCEPTED, true));
    assertThat(pi).isEnded().hasPassed(END_ACCEPTED);
  }

  @Test
  void headReturnsToStaff() {
    var pi = start();
    complete(task(pi));
    complete(task(pi), withVariables(HEAD_APPROVED, false));
    assertThat(pi).isWaitingAt(TASK_ENTER).hasPassedInOrder(TASK_HEAD_APPROVAL, "Gateway_HeadDecision", "Gateway_EntryMerge");
    complete(task(pi));
    complete(task(pi), withVariables(HEAD_APPROVED, true));
    assertThat(pi).isWaitingAt(TASK_SECRETARIAT_REVIEW);
  }

  @Test
  void secretariatReturnsToStaffWhoGoThroughTheHeadAgain() {
    var pi = start();
    complete(task(pi));
    complete(task(pi), withVariables(HEAD_APPROVED, true));
    complete(task(pi), withVariables(SECRETARIAT_ACCEPTED, false));
    assertThat(pi).isWaitingAt(TASK_ENTER).hasPassedInOrder(TASK_SECRETARIAT_REVIEW, "Gateway_SecretariatDecision", "Gateway_EntryMerge");
    complete(task(pi));
    assertThat(pi).isWaitingAt(TASK_HEAD_APPROVAL);
    complete(task(pi), withVariables(HEAD_APPROVED, true));
    complete(task(pi), withVariables(SECRETARIAT_ACCEPTED, true));
    assertThat(pi).isEnded();
  }
}

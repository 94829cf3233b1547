package jp.climatepdca.publication;

import static jp.climatepdca.publication.AnnualReportPublicationProcess.END_PUBLISHED;
import static jp.climatepdca.publication.AnnualReportPublicationProcess.GATEWAY_APPROVAL_DECISION;
import static jp.climatepdca.publication.AnnualReportPublicationProcess.GATEWAY_PREPARATION_MERGE;
import static jp.climatepdca.publication.AnnualReportPublicationProcess.GATEWAY_PUBLISH_DECISION;
import static jp.climatepdca.publication.AnnualReportPublicationProcess.PUBLICATION_APPROVED;
import static jp.climatepdca.publication.AnnualReportPublicationProcess.REPORT_PUBLISHED;
import static jp.climatepdca.publication.AnnualReportPublicationProcess.TASK_APPROVE_PUBLICATION;
import static jp.climatepdca.publication.AnnualReportPublicationProcess.TASK_PREPARE_REPORT;
import static jp.climatepdca.publication.AnnualReportPublicationProcess.TASK_PUBLISH_REPORT;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.List;
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
 * Every path of bpmn/annual-report-publication.bpmn: straight through, returned by headquarters at the
 * approval, and returned by the secretariat at the publishing step; each return goes back to the
 * preparation and the report must be approved again before it can be published.
 */
@Deployment(resources = {"bpmn/annual-report-publication.bpmn", "forms/annual-report-preparation.form",
    "forms/annual-report-approval.form", "forms/annual-report-publishing.form"})
class AnnualReportPublicationProcessTest {

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

  private static ProcessInstance start() {
    var pi = runtimeService().startProcessInstanceByKey(AnnualReportPublicationProcess.KEY, "999999:2026:report",
        withVariables("municipality", "999999", "fiscalYear", 2026, "reviewYear", 2025, "inventoryYear", 2024));
    assertThat(pi).isWaitingAt(TASK_PREPARE_REPORT);
    return pi;
  }

  private static void prepare(ProcessInstance pi) {
    assertThat(pi).isWaitingAt(TASK_PREPARE_REPORT);
    assertThat(task(pi)).hasCandidateGroup("999999-secretariat").hasDueDate(EngineTestBeans.DUE);
    complete(task(pi));
  }

  private static void approval(ProcessInstance pi, boolean approved) {
    assertThat(pi).isWaitingAt(TASK_APPROVE_PUBLICATION);
    assertThat(task(pi)).hasCandidateGroup("999999-headquarters").hasDueDate(EngineTestBeans.DUE);
    complete(task(pi), withVariables(PUBLICATION_APPROVED, approved));
  }

  private static void publishing(ProcessInstance pi, boolean published) {
    assertThat(pi).isWaitingAt(TASK_PUBLISH_REPORT);
    assertThat(task(pi)).hasCandidateGroup("999999-secretariat").hasDueDate(EngineTestBeans.DUE);
    complete(task(pi), withVariables(REPORT_PUBLISHED, published));
  }

  @Test
  void preparedApprovedAndPublished() {
    var pi = start();
    prepare(pi);
    approval(pi, true);
    publishing(pi, true);
    assertThat(pi).isEnded().hasPassedInOrder(TASK_PREPARE_REPORT, TASK_APPROVE_PUBLICATION, TASK_PUBLISH_REPORT,
        END_PUBLISHED);
  }

  @Test
  void headquartersReturnsTheReportToThePreparation() {
    var pi = start();
    prepare(pi);
    approval(pi, false);
    assertThat(pi).hasPassedInOrder(TASK_APPROVE_PUBLICATION, GATEWAY_APPROVAL_DECISION, GATEWAY_PREPARATION_MERGE)
        .hasNotPassed(TASK_PUBLISH_REPORT);
    prepare(pi);
    approval(pi, true);
    publishing(pi, true);
    assertThat(pi).isEnded();
    Assertions.assertThat(passes(pi, TASK_PREPARE_REPORT)).isEqualTo(2);
    Assertions.assertThat(passes(pi, TASK_APPROVE_PUBLICATION)).isEqualTo(2);
  }

  @Test
  void theSecretariatReturnsTheApprovedReportInsteadOfPublishingIt() {
    var pi = start();
    prepare(pi);
    approval(pi, true);
    publishing(pi, false);
    assertThat(pi).hasPassedInOrder(TASK_PUBLISH_REPORT, GATEWAY_PUBLISH_DECISION, GATEWAY_PREPARATION_MERGE)
        .hasNotPassed(END_PUBLISHED);
    // a returned report is approved again before it can be published
    prepare(pi);
    approval(pi, true);
    publishing(pi, true);
    assertThat(pi).isEnded().hasPassed(END_PUBLISHED);
    Assertions.assertThat(passes(pi, TASK_APPROVE_PUBLICATION)).isEqualTo(2);
    Assertions.assertThat(passes(pi, TASK_PUBLISH_REPORT)).isEqualTo(2);
  }

  private static long passes(ProcessInstance pi, String activityId) {
    return historyService().createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
        .activityId(activityId).finished().count();
  }
}

package jp.climatepdca.testing;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import jp.climatepdca.cycle.CycleGovernance;
import jp.climatepdca.cycle.CycleParticipants;
import jp.climatepdca.cycle.CycleSchedule;
import jp.climatepdca.identity.GroupNames;
import jp.climatepdca.opinion.OpinionTriageRoute;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.engine.test.mock.Mocks;

/**
 * The beans the BPMN expressions name, for engine tests without Spring: real group names, a fixed
 * schedule, given departments, and listeners and delegates that do nothing (the Spring tests drive the
 * real ones).
 */
public final class EngineTestBeans {

  /** The engine of the BPMN tests (not camunda.cfg.xml, see there). */
  public static final String CONFIGURATION = "engine-test.cfg.xml";
  public static final Date APRIL_CHECK = Date.from(Instant.parse("2026-04-01T00:00:00Z"));
  public static final Date JULY_CALCULATION = Date.from(Instant.parse("2026-07-01T00:00:00Z"));
  public static final Date DUE = Date.from(Instant.parse("2026-05-31T00:00:00Z"));
  public static final List<String> LISTENERS = List.of("bodyTaskNames", "selfAssessmentEntryListener", "departmentReviewListener",
      "compileCheckListener", "headquartersEvaluationListener", "liaisonMeetingListener", "committeeReviewListener",
      "actionDecisionsListener", "activityDataEntryListener", "emissionsVerificationListener",
      "annualReportPreparationListener", "annualReportApprovalListener", "annualReportPublishingListener",
      "returnToSubmitterListener", "opinionTriageListener");
  /** When the town's opinion window closes in the engine tests (Event_OpinionWindowClosed). */
  public static final Date OPINION_WINDOW_CLOSES = Date.from(Instant.parse("2026-09-01T00:00:00Z"));

  private EngineTestBeans() {}

  /**
   * Binds camunda-bpm-assert to the test's engine: a Spring test's engine, still registered when it ran
   * first in the same JVM, would otherwise make its lookup ambiguous ("2 ProcessEngines initialized").
   */
  public static void register(ProcessEngine engine, List<String> departments) {
    AbstractAssertions.init(engine);
    register(departments);
  }

  private static void register(List<String> departments) {
    Mocks.register("groups", new GroupNames());
    var schedule = mock(CycleSchedule.class);
    when(schedule.aprilCheckStart(anyString(), anyInt())).thenReturn(APRIL_CHECK);
    when(schedule.selfAssessmentDue(anyString(), anyInt())).thenReturn(DUE);
    when(schedule.julyCalculationStart(anyString(), anyInt())).thenReturn(JULY_CALCULATION);
    when(schedule.checkDue(anyString(), anyInt())).thenReturn(DUE);
    when(schedule.headquartersDue(anyString(), anyInt())).thenReturn(DUE);
    when(schedule.liaisonMeetingDue(anyString(), anyInt())).thenReturn(DUE);
    when(schedule.committeeDue(anyString(), anyInt())).thenReturn(DUE);
    when(schedule.actionDue(anyString(), anyInt())).thenReturn(DUE);
    when(schedule.publicationDue(anyString(), anyInt())).thenReturn(DUE);
    Mocks.register("cycleSchedule", schedule);
    var participants = mock(CycleParticipants.class);
    when(participants.departments(org.mockito.ArgumentMatchers.any(
        org.camunda.bpm.engine.delegate.DelegateExecution.class))).thenReturn(departments);
    Mocks.register("cycleParticipants", participants);
    TaskListener nothing = task -> { };
    LISTENERS.forEach(name -> Mocks.register(name, nothing));
    JavaDelegate noCalculation = execution -> { };
    Mocks.register("calculateEmissionsDelegate", noCalculation);
    // a municipality alone: no area cycle adopted it (AreaHandOffTest registers one that did)
    JavaDelegate alone = execution -> execution.setVariable("handToArea", false);
    Mocks.register("areaHandOffDelegate", alone);
    Mocks.register("handResultToAreaDelegate", noCalculation);
    governance(true, true, false);
    opinions(false, false);
  }

  /**
   * The opinion branch of fiscal-year-cycle.bpmn (bean opinionTriage): whether the town's window is still open
   * (then the branch waits for {@link #OPINION_WINDOW_CLOSES}) and whether opinions wait for the triage. By
   * default closed with none, so the branch goes straight to its join.
   */
  public static OpinionTriageRoute opinions(boolean windowOpen, boolean anyReceived) {
    var route = mock(OpinionTriageRoute.class);
    when(route.windowOpen(any())).thenReturn(windowOpen);
    when(route.windowClosesAt(any())).thenReturn(OPINION_WINDOW_CLOSES);
    when(route.anyReceived(any())).thenReturn(anyReceived);
    Mocks.register("opinionTriage", route);
    return route;
  }

  /**
   * Which review steps the cycle's governance (plan's governance block) runs: headquarters this year, the
   * committee before publishing, the committee after publishing. Without a block: true, true, false.
   */
  public static void governance(boolean headquarters, boolean committeeBefore, boolean committeeAfter) {
    var governance = mock(CycleGovernance.class);
    when(governance.headquartersMeets(any())).thenReturn(headquarters);
    when(governance.committeeBeforePublishing(any())).thenReturn(committeeBefore);
    when(governance.committeeAfterPublishing(any())).thenReturn(committeeAfter);
    Mocks.register("cycleGovernance", governance);
  }

  public static void reset() {
    Mocks.reset();
    AbstractAssertions.reset();
  }
}

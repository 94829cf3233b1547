package jp.climatepdca.testing;

import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import jp.climatepdca.cycle.CycleParticipants;
import jp.climatepdca.cycle.CycleSchedule;
import jp.climatepdca.identity.GroupNames;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;

/**
 * The beans the BPMN expressions name, for engine tests without Spring: real group names, a fixed
 * schedule, given departments, and listeners that do nothing (the Spring tests drive the real ones).
 */
public final class EngineTestBeans {

  /** The engine of the BPMN tests (not camunda.cfg.xml, see there). */
  public static final String CONFIGURATION = "engine-test.cfg.xml";
  public static final Date APRIL_CHECK = Date.from(Instant.parse("2026-04-01T00:00:00Z"));
  public static final Date DUE = Date.from(Instant.parse("2026-05-31T00:00:00Z"));
  public static final List<String> LISTENERS = List.of("selfAssessmentEntryListener", "departmentReviewListener",
      "compileCheckListener", "headquartersEvaluationListener", "liaisonMeetingListener", "committeeReviewListener",
      "actionDecisionsListener");

  private EngineTestBeans() {}

  public static void register(List<String> departments) {
    // camunda-bpm-assert picks "the" engine only while exactly one exists; when a Spring test ran first in
    // this JVM, its engine is registered too, so name ours (the name is in engine-test.cfg.xml)
    BpmnAwareTests.init(ProcessEngines.getProcessEngine("bpmn-unit-test"));
    Mocks.register("groups", new GroupNames());
    var schedule = mock(CycleSchedule.class);
    when(schedule.aprilCheckStart(anyString(), anyInt())).thenReturn(APRIL_CHECK);
    when(schedule.selfAssessmentDue(anyString(), anyInt())).thenReturn(DUE);
    when(schedule.checkDue(anyString(), anyInt())).thenReturn(DUE);
    when(schedule.headquartersDue(anyString(), anyInt())).thenReturn(DUE);
    when(schedule.liaisonMeetingDue(anyString(), anyInt())).thenReturn(DUE);
    when(schedule.committeeDue(anyString(), anyInt())).thenReturn(DUE);
    when(schedule.actionDue(anyString(), anyInt())).thenReturn(DUE);
    Mocks.register("cycleSchedule", schedule);
    var participants = mock(CycleParticipants.class);
    when(participants.departments(anyString())).thenReturn(departments);
    Mocks.register("cycleParticipants", participants);
    TaskListener nothing = task -> { };
    LISTENERS.forEach(name -> Mocks.register(name, nothing));
  }

  public static void reset() {
    Mocks.reset();
  }
}

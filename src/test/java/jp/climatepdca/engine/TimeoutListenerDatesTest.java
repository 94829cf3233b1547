package jp.climatepdca.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.impl.jobexecutor.TimerEventJobHandler.TimerJobConfiguration;
import org.camunda.bpm.engine.impl.jobexecutor.TimerTaskListenerJobHandler;
import org.junit.jupiter.api.Test;

/**
 * The start-up check of the hook that dates reminder timers: it accepts this engine's timeout-listener jobs and
 * stops the start when their type or configuration changed. (That the dates reach the jobs: TaskRemindersTest.)
 */
class TimeoutListenerDatesTest {

  @Test
  void thisEnginesTimeoutListenerJobsAreTheFormTheHookKnows() {
    TimeoutListenerDates.check(TimerTaskListenerJobHandler.TYPE,
        new TimerTaskListenerJobHandler().newConfiguration(TimeoutListenerDates.configuration("Task_Probe", "Listener_Probe")));
    assertThat(TimeoutListenerDates.configuration("Task_A", "TimeoutListener_B")).isEqualTo("Task_A$taskListener~TimeoutListener_B");
  }

  @Test
  void aChangedFormStopsTheStart() {
    var changed = new TimerJobConfiguration();
    changed.setTimerElementKey("Task_Probe$taskListener~Listener_Probe");
    assertThatThrownBy(() -> TimeoutListenerDates.check(TimerTaskListenerJobHandler.TYPE, changed))
        .isInstanceOf(EngineHookMismatch.class).hasMessageContaining("reminder timers would not be found");
    assertThatThrownBy(() -> TimeoutListenerDates.check("timeout-listener", new TimerTaskListenerJobHandler()
        .newConfiguration(TimeoutListenerDates.configuration("Task_Probe", "Listener_Probe"))))
        .isInstanceOf(EngineHookMismatch.class);
  }
}

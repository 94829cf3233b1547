package jp.climatepdca.cycle;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where a municipality's cycle of a year stands, for another feature (the area cycle adopting a member's
 * cycle and showing its members): phase, open tasks of the city and its departments, and whether it has
 * ended or gone past its internal evaluation (headquarters approved).
 */
@Service
@Transactional(readOnly = true)
public class CycleProgress {

  /** {@code openTasks}: the names of the open tasks of the cycle, its departments and its report. */
  public record Progress(String municipality, int fiscalYear, String businessKey, String processInstanceId,
      String phase, String phaseLabel, boolean ended, boolean pastInternalEvaluation, List<String> openTasks) {}

  private final FiscalYearCycleRepository cycles;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final HistoryService history;

  CycleProgress(FiscalYearCycleRepository cycles, RuntimeService runtime, TaskService tasks, HistoryService history) {
    this.cycles = cycles;
    this.runtime = runtime;
    this.tasks = tasks;
    this.history = history;
  }

  /** Empty when the municipality's cycle of the year has not been started. */
  public Optional<Progress> of(String municipality, int fiscalYear) {
    return cycles.findByMunicipalityCodeAndFiscalYear(municipality, fiscalYear).map(cycle -> {
      var instanceId = cycle.processInstanceId();
      var running = runtime.createProcessInstanceQuery().processInstanceId(instanceId).count() > 0;
      var phase = running ? phaseOf(instanceId) : CyclePhase.COMPLETED;
      var past = phase == CyclePhase.COMPLETED
          || passed(instanceId, FiscalYearCycleProcess.TASK_DECIDE_AREA_HAND_OFF)
          || passed(instanceId, FiscalYearCycleProcess.GATEWAY_LIAISON_MEETING_REQUIRED);
      var open = new ArrayList<String>();
      if (running) {
        var key = cycle.businessKey();
        tasks.createTaskQuery().processInstanceBusinessKey(key).orderByTaskCreateTime().asc().list()
            .forEach(t -> open.add(t.getName()));
        tasks.createTaskQuery().processInstanceBusinessKeyLike(key + ":%").orderByTaskCreateTime().asc().list()
            .stream().map(Task::getName).forEach(open::add);
      }
      return new Progress(municipality, fiscalYear, cycle.businessKey(), instanceId, phase.name(), phase.label(),
          phase == CyclePhase.COMPLETED, past, open);
    });
  }

  private boolean passed(String processInstanceId, String activityId) {
    return history.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId).activityId(activityId)
        .count() > 0;
  }

  private CyclePhase phaseOf(String processInstanceId) {
    try {
      return CyclePhase.of(runtime.getActiveActivityIds(processInstanceId));
    } catch (org.camunda.bpm.engine.exception.NullValueException ended) {
      return CyclePhase.COMPLETED;
    }
  }
}

package jp.climatepdca.cycle;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import jp.climatepdca.assessment.DepartmentSelfAssessmentProcess;
import jp.climatepdca.cycle.CockpitPages.State;
import jp.climatepdca.cycle.CycleOverview.LateDepartment;
import jp.climatepdca.cycle.CycleOverview.OverdueTask;
import jp.climatepdca.plan.DepartmentView;
import jp.climatepdca.plan.PlanService;
import jp.climatepdca.system.NotFoundException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every municipality's cycles for an administrator: the cycles we started (our table), their state from the
 * engine's history (so last year's ended cycle is there too), the phase where a running one waits, and the
 * tasks open past their due date, by department. Read with the engine's services unauthenticated: the caller
 * has checked that the user administers everything.
 */
@Service
@Transactional(readOnly = true)
class CycleOverviewService {

  private final FiscalYearCycleRepository cycles;
  private final CycleStatusService statuses;
  private final PlanService plan;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final HistoryService history;
  private final CockpitPages pages;

  CycleOverviewService(FiscalYearCycleRepository cycles, CycleStatusService statuses, PlanService plan,
      RuntimeService runtime, TaskService tasks, HistoryService history, CockpitPages pages) {
    this.pages = pages;
    this.cycles = cycles;
    this.statuses = statuses;
    this.plan = plan;
    this.runtime = runtime;
    this.tasks = tasks;
    this.history = history;
  }

  /** Newest fiscal year first, then by municipality code; {@code fiscalYear} null for every year. */
  List<CycleOverview> overview(Integer fiscalYear) {
    var chosen = cycles.findAll().stream()
        .filter(c -> fiscalYear == null || c.fiscalYear() == fiscalYear)
        .sorted(Comparator.comparingInt(FiscalYearCycle::fiscalYear).reversed()
            .thenComparing(FiscalYearCycle::municipalityCode))
        .toList();
    if (chosen.isEmpty()) {
      return List.of();
    }
    var instances = history.createHistoricProcessInstanceQuery()
        .processInstanceIds(chosen.stream().map(FiscalYearCycle::processInstanceId).collect(Collectors.toSet()))
        .list().stream().collect(Collectors.toMap(HistoricProcessInstance::getId, Function.identity()));
    var result = new ArrayList<CycleOverview>();
    for (var cycle : chosen) {
      result.add(overview(cycle, instances.get(cycle.processInstanceId())));
    }
    return result;
  }

  /** The named steps of one cycle's instance, running or ended, in the order they started. */
  List<CockpitPages.Step> steps(String processInstanceId) {
    cycles.findByProcessInstanceId(processInstanceId)
        .orElseThrow(() -> new NotFoundException("年度サイクルのインスタンス " + processInstanceId + " はありません"));
    return pages.steps(processInstanceId);
  }

  private CycleOverview overview(FiscalYearCycle cycle, HistoricProcessInstance instance) {
    var name = plan.findMunicipality(cycle.municipalityCode()).map(m -> m.name()).orElse(cycle.municipalityCode());
    var state = State.of(instance);
    var phase = state.running() ? statuses.phaseOf(cycle.processInstanceId()) : CyclePhase.COMPLETED;
    var overdue = state.running() ? overdueTasks(cycle) : List.<OverdueTask>of();
    return new CycleOverview(cycle.fiscalYear(), cycle.municipalityCode(), name, cycle.businessKey(),
        cycle.processInstanceId(), state.name(), state.label(), phase.name(),
        state == State.TERMINATED ? "中止" : phase.label(),
        instance == null ? cycle.startedAt() : instance.getStartTime().toInstant(),
        instance == null || instance.getEndTime() == null ? null : instance.getEndTime().toInstant(),
        lateDepartments(cycle.municipalityCode(), overdue), overdue);
  }

  /**
   * Open tasks past due in the cycle's own instance, its report instance and its departments' instances
   * ({@code <code>:<fiscalYear>}, {@code …:report}, {@code …:<department>}).
   */
  private List<OverdueTask> overdueTasks(FiscalYearCycle cycle) {
    var key = cycle.businessKey();
    Map<String, ProcessInstance> ours = runtime.createProcessInstanceQuery().processInstanceBusinessKeyLike(key + "%")
        .list().stream().filter(p -> p.getBusinessKey().equals(key) || p.getBusinessKey().startsWith(key + ":"))
        .collect(Collectors.toMap(ProcessInstance::getId, Function.identity()));
    if (ours.isEmpty()) {
      return List.of();
    }
    var departmentInstances = runtime.createProcessInstanceQuery().processDefinitionKey(DepartmentSelfAssessmentProcess.KEY)
        .processInstanceBusinessKeyLike(key + ":%").list().stream().map(ProcessInstance::getId)
        .collect(Collectors.toSet());
    var result = new ArrayList<OverdueTask>();
    for (Task t : tasks.createTaskQuery().processInstanceIdIn(ours.keySet().toArray(String[]::new))
        .dueBefore(new Date()).orderByDueDate().asc().list()) {
      var department = departmentInstances.contains(t.getProcessInstanceId())
          ? ours.get(t.getProcessInstanceId()).getBusinessKey().substring(key.length() + 1) : null;
      result.add(new OverdueTask(t.getId(), t.getName(), department, statuses.candidateGroups(t),
          t.getDueDate().toInstant()));
    }
    return result;
  }

  private List<LateDepartment> lateDepartments(String municipality, List<OverdueTask> overdue) {
    var names = plan.departments(municipality).stream()
        .collect(Collectors.toMap(DepartmentView::code, DepartmentView::name, (a, b) -> a));
    var byDepartment = new LinkedHashMap<String, List<OverdueTask>>();
    overdue.stream().filter(t -> t.department() != null)
        .forEach(t -> byDepartment.computeIfAbsent(t.department(), d -> new ArrayList<>()).add(t));
    return byDepartment.entrySet().stream()
        .map(e -> new LateDepartment(e.getKey(), names.getOrDefault(e.getKey(), e.getKey()), e.getValue()))
        .toList();
  }
}

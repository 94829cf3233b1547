package jp.climatepdca.cycle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import jp.climatepdca.assessment.DepartmentSelfAssessmentProcess;
import jp.climatepdca.cycle.CycleStatus.DepartmentStatus;
import jp.climatepdca.cycle.CycleStatus.OpenTask;
import jp.climatepdca.plan.DepartmentView;
import jp.climatepdca.plan.PlanService;
import jp.climatepdca.system.NotFoundException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads where a cycle stands from the engine: phase, and each department's open tasks. */
@Service
@Transactional(readOnly = true)
class CycleStatusService {

  private final FiscalYearCycleRepository cycles;
  private final PlanService plan;
  private final CycleSchedule schedule;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final HistoryService history;

  CycleStatusService(FiscalYearCycleRepository cycles, PlanService plan, CycleSchedule schedule,
      RuntimeService runtime, TaskService tasks, HistoryService history) {
    this.cycles = cycles;
    this.plan = plan;
    this.schedule = schedule;
    this.runtime = runtime;
    this.tasks = tasks;
    this.history = history;
  }

  /** {@code visibleDepartment} filters the departments a department's user may see. */
  CycleStatus status(String municipality, int fiscalYear, Predicate<String> visibleDepartment, boolean wholeCity) {
    var cycle = cycles.findByMunicipalityCodeAndFiscalYear(municipality, fiscalYear)
        .orElseThrow(() -> new NotFoundException(fiscalYear + "年度のサイクル（" + municipality + "）は開始されていません"));
    var m = plan.municipality(municipality);
    var instance = runtime.createProcessInstanceQuery().processInstanceId(cycle.processInstanceId()).singleResult();
    var phase = instance == null ? CyclePhase.COMPLETED : phaseOf(instance.getId());

    var cityTasks = wholeCity
        ? tasks.createTaskQuery().processInstanceBusinessKeyIn(cycle.businessKey(),
                cycle.businessKey() + FiscalYearCycleProcess.REPORT_BUSINESS_KEY_SUFFIX)
            .orderByTaskCreateTime().asc().list()
            .stream().map(this::openTask).toList()
        : List.<OpenTask>of();

    Map<String, List<OpenTask>> openByDepartment = new LinkedHashMap<>();
    var prefix = cycle.businessKey() + ":";
    for (Task t : tasks.createTaskQuery().processDefinitionKey(DepartmentSelfAssessmentProcess.KEY)
        .processInstanceBusinessKeyLike(prefix + "%").orderByTaskCreateTime().asc().list()) {
      var businessKey = runtime.createProcessInstanceQuery().processInstanceId(t.getProcessInstanceId())
          .singleResult().getBusinessKey();
      openByDepartment.computeIfAbsent(businessKey.substring(prefix.length()), k -> new ArrayList<>())
          .add(openTask(t));
    }
    var departments = new ArrayList<DepartmentStatus>();
    for (DepartmentView d : plan.departments(municipality)) {
      if (!visibleDepartment.test(d.code())) {
        continue;
      }
      var open = openByDepartment.getOrDefault(d.code(), List.of());
      departments.add(departmentStatus(d, open, prefix + d.code()));
    }
    return new CycleStatus(municipality, m.name(), fiscalYear, schedule.reviewYear(fiscalYear),
        cycle.businessKey(), cycle.processInstanceId(), cycle.startedBy(), cycle.startedAt(), phase.name(),
        phase.label(), phase == CyclePhase.COMPLETED, cityTasks, departments);
  }

  /** The instance may end (its last job) between finding it and reading where it waits. */
  CyclePhase phaseOf(String processInstanceId) {
    try {
      return CyclePhase.of(runtime.getActiveActivityIds(processInstanceId));
    } catch (org.camunda.bpm.engine.exception.NullValueException ended) {
      return CyclePhase.COMPLETED;
    }
  }

  private DepartmentStatus departmentStatus(DepartmentView d, List<OpenTask> open, String businessKey) {
    if (!open.isEmpty()) {
      return new DepartmentStatus(d.code(), d.name(), "IN_PROGRESS", "対応中", open);
    }
    var finished = history.createHistoricProcessInstanceQuery().processDefinitionKey(DepartmentSelfAssessmentProcess.KEY)
        .processInstanceBusinessKey(businessKey).finished().count() > 0;
    return finished ? new DepartmentStatus(d.code(), d.name(), "ACCEPTED", "受理済み", open)
        : new DepartmentStatus(d.code(), d.name(), "NOT_STARTED", "未開始", open);
  }

  private OpenTask openTask(Task t) {
    return new OpenTask(t.getId(), t.getName(), t.getAssignee(), candidateGroups(t),
        t.getDueDate() == null ? null : t.getDueDate().toInstant());
  }

  List<String> candidateGroups(Task t) {
    return tasks.getIdentityLinksForTask(t.getId()).stream()
        .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
        .map(l -> l.getGroupId()).toList();
  }
}

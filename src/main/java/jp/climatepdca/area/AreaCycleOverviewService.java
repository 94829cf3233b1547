package jp.climatepdca.area;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import jp.climatepdca.cycle.CockpitPages;
import jp.climatepdca.cycle.CockpitPages.State;
import jp.climatepdca.system.NotFoundException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every area's cycles for an administrator in Cockpit: the area cycles we started (table area_cycle), their state
 * from the engine's history (so an ended year is there too), where a running one waits, each member's cycle and
 * whether it is late, from {@link AreaCycleStatusService} (the same answer as GET /api/area-cycles/{area}/{year}).
 * The controller has checked that the user administers everything; the engine reads with that administrator's
 * webapp authentication (camunda-admin: every permission, no tenant check).
 */
@Service
@Transactional(readOnly = true)
class AreaCycleOverviewService {

  private final AreaCycleRepository cycles;
  private final AreaCycleStatusService statuses;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final HistoryService history;
  private final CockpitPages pages;

  AreaCycleOverviewService(AreaCycleRepository cycles, AreaCycleStatusService statuses, RuntimeService runtime,
      TaskService tasks, HistoryService history, CockpitPages pages) {
    this.cycles = cycles;
    this.statuses = statuses;
    this.runtime = runtime;
    this.tasks = tasks;
    this.history = history;
    this.pages = pages;
  }

  /** Newest fiscal year first, then by area code; {@code fiscalYear} null for every year. */
  List<AreaCycleOverview> overview(Integer fiscalYear) {
    var chosen = cycles.findAll().stream()
        .filter(c -> c.processInstanceId() != null && (fiscalYear == null || c.fiscalYear() == fiscalYear))
        .sorted(Comparator.comparingInt(AreaCycle::fiscalYear).reversed().thenComparing(AreaCycle::areaCode))
        .toList();
    if (chosen.isEmpty()) {
      return List.of();
    }
    var instances = history.createHistoricProcessInstanceQuery()
        .processInstanceIds(chosen.stream().map(AreaCycle::processInstanceId).collect(Collectors.toSet()))
        .list().stream().collect(Collectors.toMap(HistoricProcessInstance::getId, Function.identity()));
    var result = new ArrayList<AreaCycleOverview>();
    for (var cycle : chosen) {
      result.add(overview(cycle, instances.get(cycle.processInstanceId())));
    }
    return result;
  }

  /** The named steps of one area cycle's instance, running or ended; 404 for any other instance. */
  List<CockpitPages.Step> steps(String processInstanceId) {
    if (cycles.findAll().stream().noneMatch(c -> processInstanceId.equals(c.processInstanceId()))) {
      throw new NotFoundException("圏域サイクルのインスタンス " + processInstanceId + " はありません");
    }
    return pages.steps(processInstanceId);
  }

  private AreaCycleOverview overview(AreaCycle cycle, HistoricProcessInstance instance) {
    var state = State.of(instance);
    var status = statuses.status(cycle.areaCode(), cycle.fiscalYear());
    var running = state.running();
    var asked = running ? membersAskedAbout(cycle.processInstanceId()) : Set.<String>of();
    var now = Instant.now();
    var members = status.members().stream().map(m -> {
      var late = !m.submitted() && (m.late() || m.lateDecision() != null || asked.contains(m.municipality()));
      return new AreaCycleOverview.Member(m.municipality(), m.name(), m.lead(), m.phaseLabel(), m.submitted(),
          m.submittedAt(), late, m.deadline(), result(m), m.lateNote());
    }).toList();
    var overdue = status.areaTasks().stream().filter(t -> t.due() != null && t.due().isBefore(now))
        .map(t -> new AreaCycleOverview.OverdueTask(t.taskId(), t.name(), t.candidateGroups(), t.due())).toList();
    return new AreaCycleOverview(cycle.fiscalYear(), cycle.areaCode(), status.areaName(), cycle.businessKey(),
        cycle.processInstanceId(), state.name(), state.label(), running ? status.phase() : AreaPhase.COMPLETED.name(),
        state == State.TERMINATED ? "中止" : running ? status.phaseLabel() : AreaPhase.COMPLETED.label(),
        instance == null ? cycle.startedAt() : instance.getStartTime().toInstant(),
        instance == null || instance.getEndTime() == null ? null : instance.getEndTime().toInstant(), members,
        overdue);
  }

  private static String result(AreaCycleStatus.MemberStatus m) {
    if (m.submitted()) {
      return m.awaitingResubmission() ? "差戻し・再提出待ち" : "提出済み";
    }
    if (m.lateDecision() == null) {
      return "未提出";
    }
    return AreaCycleMember.LateDecision.REMIND.name().equals(m.lateDecision())
        ? "未提出（" + m.lateDecisionLabel() + "、新しい期限 " + m.deadline() + "）"
        : "未提出（" + m.lateDecisionLabel() + "）";
  }

  /**
   * The members the area's secretariat is asked about now (提出遅延への対応 open): the multi-instance's element
   * variable of each such task, read by the server for display only.
   */
  private Set<String> membersAskedAbout(String processInstanceId) {
    return tasks.createTaskQuery().processInstanceId(processInstanceId)
        .taskDefinitionKey(AreaCycleProcess.TASK_HANDLE_LATE_MEMBER).list().stream()
        .map(t -> runtime.getVariable(t.getExecutionId(), AreaCycleProcess.MEMBER))
        .filter(Objects::nonNull).map(Object::toString).collect(Collectors.toSet());
  }
}

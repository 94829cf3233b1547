package jp.climatepdca.area;

import java.util.ArrayList;
import java.util.List;
import jp.climatepdca.area.AreaCycleStatus.MemberStatus;
import jp.climatepdca.area.AreaCycleStatus.OpenTask;
import jp.climatepdca.cycle.CycleProgress;
import jp.climatepdca.system.NotFoundException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads where an area cycle stands: its phase and tasks, each member's cycle, lateness and totals. */
@Service
@Transactional(readOnly = true)
class AreaCycleStatusService {

  private final AreaCycleRepository cycles;
  private final AreaCycleMemberRepository members;
  private final AreaForms forms;
  private final AreaCycleSchedule schedule;
  private final CycleProgress progress;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ObjectProvider<AreaEmissionTotals> totals;

  AreaCycleStatusService(AreaCycleRepository cycles, AreaCycleMemberRepository members, AreaForms forms,
      AreaCycleSchedule schedule, CycleProgress progress, RuntimeService runtime, TaskService tasks,
      ObjectProvider<AreaEmissionTotals> totals) {
    this.cycles = cycles;
    this.members = members;
    this.forms = forms;
    this.schedule = schedule;
    this.progress = progress;
    this.runtime = runtime;
    this.tasks = tasks;
    this.totals = totals;
  }

  AreaCycleStatus status(String area, int fiscalYear) {
    var cycle = cycles.findByAreaCodeAndFiscalYear(area, fiscalYear)
        .orElseThrow(() -> new NotFoundException(fiscalYear + "年度の圏域サイクル（" + area + "）は開始されていません"));
    var view = forms.area(new jp.climatepdca.system.CycleReference(area, fiscalYear));
    var running = cycle.processInstanceId() != null
        && runtime.createProcessInstanceQuery().processInstanceId(cycle.processInstanceId()).count() > 0;
    var phase = running ? phaseOf(cycle.processInstanceId()) : AreaPhase.COMPLETED;
    var areaTasks = running
        ? tasks.createTaskQuery().processInstanceId(cycle.processInstanceId()).orderByTaskCreateTime().asc().list()
            .stream().map(this::openTask).toList()
        : List.<OpenTask>of();
    var provider = totals.getIfAvailable();
    var emissions = provider == null ? null : provider.totals(area, fiscalYear);
    var today = AreaCycleSchedule.today();
    var statuses = new ArrayList<MemberStatus>();
    for (var m : members.findByAreaCodeAndFiscalYearOrderByPosition(area, fiscalYear)) {
      var p = progress.of(m.municipalityCode(), fiscalYear);
      var deadline = schedule.memberDeadline(area, fiscalYear, m.municipalityCode());
      var late = !m.submitted() && !m.proceededWithout() && today.isAfter(deadline);
      statuses.add(new MemberStatus(m.municipalityCode(), forms.memberName(m.municipalityCode()),
          m.municipalityCode().equals(view.lead()), m.joinedHow().name(),
          p.map(CycleProgress.Progress::phase).orElse(null), p.map(CycleProgress.Progress::phaseLabel).orElse(null),
          p.map(CycleProgress.Progress::openTasks).orElse(List.of()), m.submitted(), m.resultSubmittedAt(),
          m.submissions(), late, deadline, m.lateDecision() == null ? null : m.lateDecision().name(),
          m.lateDecision() == null ? null : m.lateDecision().label(), m.lateNote(), m.returnedComment(),
          m.returnedAt(), m.awaitingResubmission(),
          emissions == null ? null : emissions.members().get(m.municipalityCode())));
    }
    return new AreaCycleStatus(area, view.name(), fiscalYear, cycle.businessKey(), cycle.processInstanceId(),
        cycle.startedBy(), cycle.startedAt(), phase.name(), phase.label(), phase == AreaPhase.COMPLETED,
        schedule.deadline(area, fiscalYear),
        emissions == null ? null : emissions.area(), areaTasks, statuses);
  }

  private AreaPhase phaseOf(String processInstanceId) {
    try {
      return AreaPhase.of(runtime.getActiveActivityIds(processInstanceId));
    } catch (org.camunda.bpm.engine.exception.NullValueException ended) {
      return AreaPhase.COMPLETED;
    }
  }

  private OpenTask openTask(Task t) {
    var groups = tasks.getIdentityLinksForTask(t.getId()).stream()
        .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
        .map(l -> l.getGroupId()).toList();
    return new OpenTask(t.getId(), t.getName(), groups, t.getDueDate() == null ? null : t.getDueDate().toInstant());
  }
}

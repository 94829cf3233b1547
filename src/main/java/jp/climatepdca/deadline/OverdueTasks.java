package jp.climatepdca.deadline;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import jp.climatepdca.assessment.DepartmentSelfAssessmentProcess;
import jp.climatepdca.calendar.BusinessCalendar;
import jp.climatepdca.deadline.OverdueTask.Department;
import jp.climatepdca.deadline.OverdueTask.Group;
import jp.climatepdca.plan.DepartmentView;
import jp.climatepdca.plan.MunicipalityView;
import jp.climatepdca.plan.PlanService;
import jp.climatepdca.system.CycleReference;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/**
 * Everything of a municipality's fiscal year that is past its due date (docs/deadlines.md): the open tasks of
 * the town's tenant whose process instance belongs to the cycle by its business key ({@code 961501:2026},
 * {@code 961501:2026:kankyo}, {@code :report}, {@code :period}), due before now. The /api services run without
 * an engine authentication, so the tenant is named in the query itself; the caller's right to the town is the
 * controller's. One task query over the engine's tenant and due-date columns, then one identity-link query per
 * overdue task: a town has at most a few hundred open tasks.
 */
@Service
class OverdueTasks {

  private static final DateTimeFormatter DUE_LABEL = DateTimeFormatter.ofPattern("uuuu年M月d日（E）HH:mm", Locale.JAPAN);

  private final TaskService tasks;
  private final RuntimeService runtime;
  private final IdentityService identity;
  private final RepositoryService repository;
  private final PlanService plans;
  private final BusinessCalendar calendar;

  OverdueTasks(TaskService tasks, RuntimeService runtime, IdentityService identity, RepositoryService repository,
      PlanService plans, BusinessCalendar calendar) {
    this.tasks = tasks;
    this.runtime = runtime;
    this.identity = identity;
    this.repository = repository;
    this.plans = plans;
    this.calendar = calendar;
  }

  OverdueList of(MunicipalityView town, int fiscalYear) {
    var now = Instant.now();
    var cycleKey = new CycleReference(town.code(), fiscalYear).businessKey();
    var candidates = tasks.createTaskQuery().tenantIdIn(town.code()).processInstanceBusinessKeyLike(cycleKey + "%")
        .dueBefore(Date.from(now)).list();
    var instances = instances(candidates);
    // "961501:2026%" would also match the key of a year 20261, which no cycle has; the key itself decides
    var overdue = candidates.stream().filter(t -> {
      var key = instances.get(t.getProcessInstanceId());
      return key != null && (key.businessKey().equals(cycleKey) || key.businessKey().startsWith(cycleKey + ":"));
    }).toList();
    var today = LocalDate.ofInstant(now, TaskDueDates.JAPAN);
    var departments = plans.departments(town.code()).stream()
        .collect(Collectors.toMap(DepartmentView::code, Function.identity()));
    var links = new HashMap<String, List<String>>();
    for (var task : overdue) {
      links.put(task.getId(), tasks.getIdentityLinksForTask(task.getId()).stream()
          .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
          .map(IdentityLink::getGroupId).sorted().toList());
    }
    var groupNames = groupNames(links.values().stream().flatMap(List::stream).distinct().toList());
    var rows = new ArrayList<OverdueTask>();
    for (var task : overdue) {
      var instance = instances.get(task.getProcessInstanceId());
      var due = task.getDueDate().toInstant().atZone(TaskDueDates.JAPAN);
      var days = businessDaysAfter(due.toLocalDate(), today);
      var groups = links.get(task.getId()).stream().map(id -> new Group(id, groupNames.getOrDefault(id, id))).toList();
      rows.add(new OverdueTask(task.getId(), task.getName(), task.getProcessInstanceId(), instance.businessKey(),
          department(instance, departments), task.getAssignee(), groups, waitingFor(task, groups),
          due.toOffsetDateTime(), due.toLocalDate(), DUE_LABEL.format(due), days,
          days == 0 ? "本日期限" : days + "営業日超過"));
    }
    rows.sort(Comparator.comparing(OverdueTask::due).thenComparing(OverdueTask::taskId));
    var summary = rows.isEmpty() ? "期限を過ぎたタスクはありません" : "期限超過のタスク " + rows.size() + "件";
    return new OverdueList(town.code(), town.name(), fiscalYear, now.atZone(TaskDueDates.JAPAN).toOffsetDateTime(),
        rows.size(), summary, List.copyOf(rows));
  }

  /** Business days d with due day &lt; d &lt;= today. */
  int businessDaysAfter(LocalDate dueDay, LocalDate today) {
    int count = 0;
    for (var day = dueDay.plusDays(1); !day.isAfter(today); day = day.plusDays(1)) {
      if (calendar.isBusinessDay(day)) {
        count++;
      }
    }
    return count;
  }

  /** Each task's process instance: its business key and process key, two queries for the lot. */
  private Map<String, Instance> instances(List<Task> found) {
    if (found.isEmpty()) {
      return Map.of();
    }
    var ids = found.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet());
    var list = runtime.createProcessInstanceQuery().processInstanceIds(ids).list();
    var definitionIds = list.stream().map(ProcessInstance::getProcessDefinitionId).distinct().toArray(String[]::new);
    var processKeys = repository.createProcessDefinitionQuery().processDefinitionIdIn(definitionIds).list().stream()
        .collect(Collectors.toMap(ProcessDefinition::getId, ProcessDefinition::getKey));
    return list.stream().filter(i -> i.getBusinessKey() != null).collect(Collectors.toMap(ProcessInstance::getId,
        i -> new Instance(i.getBusinessKey(), processKeys.get(i.getProcessDefinitionId()))));
  }

  /** A self-assessment's department: the last part of its business key, the server's (CycleReference). */
  private static Department department(Instance instance, Map<String, DepartmentView> departments) {
    if (!DepartmentSelfAssessmentProcess.KEY.equals(instance.processKey())) {
      return null;
    }
    var parts = instance.businessKey().split(":");
    var code = parts[parts.length - 1];
    var known = departments.get(code);
    return new Department(code, known == null ? code : known.name());
  }

  private static String waitingFor(Task task, List<Group> groups) {
    if (task.getAssignee() != null) {
      return task.getAssignee();
    }
    return groups.stream().map(Group::name).collect(Collectors.joining("、"));
  }

  private Map<String, String> groupNames(List<String> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    return identity.createGroupQuery().groupIdIn(ids.toArray(String[]::new)).list().stream()
        .collect(Collectors.toMap(g -> g.getId(), g -> g.getName() == null ? g.getId() : g.getName()));
  }

  private record Instance(String businessKey, String processKey) {}
}

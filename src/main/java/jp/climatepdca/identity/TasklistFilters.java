package jp.climatepdca.identity;

import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The shared Tasklist filters every profile needs: "自分のタスク" (assigned to me) and
 * "グループのタスク" (offered to my groups). Without a filter Tasklist shows an empty page. And the
 * secretariats' "期限超過" (docs/deadlines.md): the tasks past their due date that the user may read; the
 * engine's tenant check keeps it to the user's own town. Every secretariat group (of a town or an area) may read
 * it: those existing now are granted here, a new one by TenantDirectory when its plan is loaded.
 */
@Component
class TasklistFilters {

  static final String OVERDUE = "期限超過";

  private final FilterService filters;
  private final TaskService tasks;
  private final AuthorizationService authorizations;
  private final OverdueFilterGrants secretariats;

  TasklistFilters(FilterService filters, TaskService tasks, AuthorizationService authorizations,
      OverdueFilterGrants secretariats) {
    this.filters = filters;
    this.tasks = tasks;
    this.authorizations = authorizations;
    this.secretariats = secretariats;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(0)
  void ensure() {
    TaskQuery mine = tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}");
    ensure("自分のタスク", mine, -10, "#2e7d32");
    TaskQuery groups = tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
        .includeAssignedTasks();
    ensure("グループのタスク", groups, 0, "#1565c0");
    TaskQuery overdue = tasks.createTaskQuery().dueBeforeExpression("${now()}").orderByDueDate().asc();
    var overdueFilter = create(OVERDUE, overdue, -5, "#c62828", OVERDUE);
    if (overdueFilter != null) {
      secretariats.grantAll(overdueFilter);
    }
  }

  private void ensure(String name, TaskQuery query, int priority, String color) {
    var id = create(name, query, priority, color, name);
    if (id != null) {
      var read = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
      read.setResource(Resources.FILTER);
      read.setResourceId(id);
      read.addPermission(Permissions.READ);
      authorizations.saveAuthorization(read);
    }
  }

  /** The new filter's id; null when one of that name exists (an administrator may have changed it). */
  private String create(String name, TaskQuery query, int priority, String color, String description) {
    if (filters.createFilterQuery().filterName(name).count() > 0) {
      return null;
    }
    var filter = filters.newTaskFilter(name).setQuery(query)
        .setProperties(Map.of("priority", priority, "color", color, "refresh", true,
            "description", description));
    filters.saveFilter(filter);
    return filter.getId();
  }
}

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
 * "グループのタスク" (offered to my groups). Without a filter Tasklist shows an empty page.
 */
@Component
class TasklistFilters {

  private final FilterService filters;
  private final TaskService tasks;
  private final AuthorizationService authorizations;

  TasklistFilters(FilterService filters, TaskService tasks, AuthorizationService authorizations) {
    this.filters = filters;
    this.tasks = tasks;
    this.authorizations = authorizations;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(0)
  void ensure() {
    TaskQuery mine = tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}");
    ensure("自分のタスク", mine, -10, "#2e7d32");
    TaskQuery groups = tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
        .includeAssignedTasks();
    ensure("グループのタスク", groups, 0, "#1565c0");
  }

  private void ensure(String name, TaskQuery query, int priority, String color) {
    if (filters.createFilterQuery().filterName(name).count() > 0) {
      return;
    }
    var filter = filters.newTaskFilter(name).setQuery(query)
        .setProperties(Map.of("priority", priority, "color", color, "refresh", true,
            "description", name));
    filters.saveFilter(filter);
    var read = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
    read.setResource(Resources.FILTER);
    read.setResourceId(filter.getId());
    read.addPermission(Permissions.READ);
    authorizations.saveAuthorization(read);
  }
}

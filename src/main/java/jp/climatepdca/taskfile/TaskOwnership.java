package jp.climatepdca.taskfile;

import java.util.HashSet;
import java.util.List;
import jp.climatepdca.system.NotFoundException;
import jp.climatepdca.taskfile.TaskFileReceiver.OpenTask;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Whether a person works on a task, decided by the engine's own data: the task is read as that person
 * (authorizations and tenant check on, with the groups and tenants the identity service gives now), so
 * another town's or department's user, or a finished task, finds nothing (404, the same answer for both:
 * whether a task of another town exists is not told). A task found must be theirs to work on: claimed by
 * them, or unclaimed and offered to one of their groups. Public for the other doors of a Tasklist form into its
 * open task (taskdraft: the form's drafts), which must decide the same way.
 */
@Component
public class TaskOwnership {

  private final IdentityService identity;
  private final TaskService tasks;
  private final RepositoryService repository;
  private final RuntimeService runtime;

  /** What the refusals of {@link #owned(String, String)} tell: the upload's words. */
  private static final String UPLOAD = "ファイルを登録";

  TaskOwnership(IdentityService identity, TaskService tasks, RepositoryService repository, RuntimeService runtime) {
    this.identity = identity;
    this.tasks = tasks;
    this.repository = repository;
    this.runtime = runtime;
  }

  OpenTask owned(String userId, String taskId) {
    return owned(userId, taskId, UPLOAD);
  }

  /**
   * The open task as the engine has it, if {@code userId} works on it; else 404 (not found, ended, another
   * town's or department's) or 403 (claimed by someone else, not offered to the user's groups), whose Japanese
   * text names what the user tried ({@code action}, e.g. 「下書きを保存」).
   */
  public OpenTask owned(String userId, String taskId, String action) {
    var groups = identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    var tenants = identity.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list().stream()
        .map(Tenant::getId).toList();
    identity.setAuthentication(userId, groups, tenants);
    org.camunda.bpm.engine.task.Task task;
    List<org.camunda.bpm.engine.task.IdentityLink> links;
    try {
      task = tasks.createTaskQuery().taskId(taskId).active().singleResult();
      links = task == null ? List.of() : tasks.getIdentityLinksForTask(taskId);
    } finally {
      identity.clearAuthentication();
    }
    if (task == null || task.getTenantId() == null || !tenants.contains(task.getTenantId())
        || task.getProcessDefinitionId() == null) {
      throw new NotFoundException("この作業は見つかりません（終了した作業か、担当していない作業です）");
    }
    if (task.getAssignee() != null && !task.getAssignee().equals(userId)) {
      throw new AccessDeniedException("この作業は別の担当者が引き受けています。" + action
          + "できるのは担当者だけです");
    }
    if (task.getAssignee() == null && !offeredTo(links, userId, new HashSet<>(groups))) {
      throw new AccessDeniedException("この作業を担当するグループに属していないため、" + action + "できません");
    }
    var definition = repository.getProcessDefinition(task.getProcessDefinitionId());
    var instance = runtime.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult();
    return new OpenTask(task.getId(), task.getProcessInstanceId(), instance == null ? null : instance.getBusinessKey(),
        task.getTenantId(), definition.getKey(), task.getTaskDefinitionKey(), userId);
  }

  private static boolean offeredTo(List<org.camunda.bpm.engine.task.IdentityLink> links, String userId,
      java.util.Set<String> groups) {
    return links.stream().filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()))
        .anyMatch(l -> userId.equals(l.getUserId()) || l.getGroupId() != null && groups.contains(l.getGroupId()));
  }
}

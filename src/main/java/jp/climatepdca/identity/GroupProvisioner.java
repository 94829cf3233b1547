package jp.climatepdca.identity;

import java.util.ArrayList;
import java.util.List;
import jp.climatepdca.plan.PlanImportedEvent;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Creates a municipality's role groups when its plan is loaded, with what Tasklist needs: access to the
 * application. Task access itself comes from the engine, which grants a task's candidate group read
 * and work permission on that task only; so a department sees only its own tasks.
 */
@Component
class GroupProvisioner {

  static final String TASKLIST = "tasklist";

  private final IdentityService identity;
  private final AuthorizationService authorizations;

  GroupProvisioner(IdentityService identity, AuthorizationService authorizations) {
    this.identity = identity;
    this.authorizations = authorizations;
  }

  @EventListener
  void on(PlanImportedEvent event) {
    var m = event.municipality();
    var groups = new ArrayList<GroupSpec>(List.of(
        new GroupSpec(GroupNames.secretariat(m.code()), m.name() + " 事務局（環境政策担当）", "SECRETARIAT"),
        new GroupSpec(GroupNames.headquarters(m.code()), m.name() + " 推進本部", "HEADQUARTERS"),
        new GroupSpec(GroupNames.committee(m.code()), m.name() + " 推進委員会（環境審議会）", "COMMITTEE")));
    if (m.liaisonMeeting()) {
      groups.add(new GroupSpec(GroupNames.liaison(m.code()), m.name() + " 連絡会議", "LIAISON"));
    }
    for (var d : event.departments()) {
      groups.add(new GroupSpec(GroupNames.departmentStaff(m.code(), d.code()), d.name() + " 担当者", "DEPARTMENT_STAFF"));
      groups.add(new GroupSpec(GroupNames.departmentHead(m.code(), d.code()), d.name() + " 所属長", "DEPARTMENT_HEAD"));
    }
    groups.forEach(this::ensure);
  }

  private void ensure(GroupSpec spec) {
    var group = identity.createGroupQuery().groupId(spec.id()).singleResult();
    if (group == null) {
      group = identity.newGroup(spec.id());
      group.setName(spec.name());
      group.setType(spec.type());
      identity.saveGroup(group);
    }
    grant(spec.id(), Resources.APPLICATION, TASKLIST, Permissions.ACCESS);
  }

  private void grant(String groupId, Resources resource, String resourceId, Permissions permission) {
    var existing = authorizations.createAuthorizationQuery().groupIdIn(groupId).resourceType(resource)
        .resourceId(resourceId).count();
    if (existing == 0) {
      var auth = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      auth.setGroupId(groupId);
      auth.setResource(resource);
      auth.setResourceId(resourceId);
      auth.addPermission(permission);
      authorizations.saveAuthorization(auth);
    }
  }

  record GroupSpec(String id, String name, String type) {}
}

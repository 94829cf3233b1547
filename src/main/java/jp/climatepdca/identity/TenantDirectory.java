package jp.climatepdca.identity;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.stereotype.Service;

/**
 * A tenant's role groups in Camunda's identity service. Every municipality and every area is one Camunda
 * tenant whose id is its code (docs/tenants.md); its groups are members of that tenant, so the engine
 * shows a group's users only that tenant's process instances, tasks and history. Called by the plan and
 * the area loaders inside their transaction: a refused file leaves no tenant or group behind.
 */
@Service
public class TenantDirectory {

  static final String TASKLIST = "tasklist";

  private final IdentityService identity;
  private final AuthorizationService authorizations;
  private final OverdueFilterGrants overdueFilter;

  TenantDirectory(IdentityService identity, AuthorizationService authorizations, OverdueFilterGrants overdueFilter) {
    this.identity = identity;
    this.authorizations = authorizations;
    this.overdueFilter = overdueFilter;
  }

  /** Creates what is missing (tenant, groups, memberships, Tasklist access) and renames what exists. */
  public void ensure(String tenantId, String tenantName, List<GroupSpec> groups) {
    var tenant = identity.createTenantQuery().tenantId(tenantId).singleResult();
    if (tenant == null) {
      tenant = identity.newTenant(tenantId);
    }
    tenant.setName(tenantName);
    identity.saveTenant(tenant);
    for (var spec : groups) {
      ensureGroup(spec);
      if (identity.createGroupQuery().groupId(spec.id()).memberOfTenant(tenantId).count() == 0) {
        identity.createTenantGroupMembership(tenantId, spec.id());
      }
    }
  }

  private void ensureGroup(GroupSpec spec) {
    var group = identity.createGroupQuery().groupId(spec.id()).singleResult();
    if (group == null) {
      group = identity.newGroup(spec.id());
      group.setName(spec.name());
      group.setType(spec.type());
      identity.saveGroup(group);
    }
    grant(spec.id(), Resources.APPLICATION, TASKLIST, Permissions.ACCESS);
    if (OverdueFilterGrants.SECRETARIAT.equals(spec.type())) {
      overdueFilter.grant(spec.id());
    }
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

  /** A role group: id ({@code <code>-<role>}), Japanese name shown in Admin, and its type (the role). */
  public record GroupSpec(String id, String name, String type) {}
}

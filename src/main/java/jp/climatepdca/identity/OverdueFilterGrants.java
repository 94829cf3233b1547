package jp.climatepdca.identity;

import java.util.HashSet;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.stereotype.Component;

/**
 * Who sees the Tasklist filter 「期限超過」 (TasklistFilters): every secretariat group (type SECRETARIAT), each by
 * its own READ grant on the filter, so departments' and bodies' lists stay as they were. The tasks it lists are
 * still only those the user may read (docs/deadlines.md).
 */
@Component
class OverdueFilterGrants {

  static final String SECRETARIAT = "SECRETARIAT";

  private final FilterService filters;
  private final IdentityService identity;
  private final AuthorizationService authorizations;

  OverdueFilterGrants(FilterService filters, IdentityService identity, AuthorizationService authorizations) {
    this.filters = filters;
    this.identity = identity;
    this.authorizations = authorizations;
  }

  /** At start-up: every secretariat group without its grant gets it (two queries, then one insert each). */
  void grantAll(String filterId) {
    var granted = new HashSet<String>();
    authorizations.createAuthorizationQuery().resourceType(Resources.FILTER).resourceId(filterId).list()
        .forEach(a -> granted.add(a.getGroupId()));
    for (var group : identity.createGroupQuery().groupType(SECRETARIAT).list()) {
      if (!granted.contains(group.getId())) {
        grant(filterId, group.getId());
      }
    }
  }

  /** A secretariat group just made (a plan or an area loaded): its grant, if the filter exists yet. */
  void grant(String groupId) {
    var filter = filters.createFilterQuery().filterName(TasklistFilters.OVERDUE).singleResult();
    if (filter != null && authorizations.createAuthorizationQuery().resourceType(Resources.FILTER)
        .resourceId(filter.getId()).groupIdIn(groupId).count() == 0) {
      grant(filter.getId(), groupId);
    }
  }

  private void grant(String filterId, String groupId) {
    var read = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    read.setGroupId(groupId);
    read.setResource(Resources.FILTER);
    read.setResourceId(filterId);
    read.addPermission(Permissions.READ);
    authorizations.saveAuthorization(read);
  }
}

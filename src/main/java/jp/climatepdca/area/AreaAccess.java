package jp.climatepdca.area;

import jp.climatepdca.identity.GroupNames;
import jp.climatepdca.identity.Roles;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who reads an area's compiled figures (bean {@code areaAccess}, for {@code @PreAuthorize}): the area's
 * secretariat, liaison meeting and committee, and administrators. A member town's own groups give no access:
 * the compilation shows every member's figures, and a town sees only its own.
 */
@Component("areaAccess")
class AreaAccess {

  private final Roles roles;

  AreaAccess(Roles roles) {
    this.roles = roles;
  }

  boolean readsCompilation(Authentication auth, String area) {
    var groups = Roles.groups(auth);
    return roles.isAdmin(auth) || groups.contains(GroupNames.secretariat(area))
        || groups.contains(GroupNames.liaison(area)) || groups.contains(GroupNames.committee(area));
  }
}

package jp.climatepdca.area;

import jp.climatepdca.identity.GroupNames;
import jp.climatepdca.identity.Roles;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who may start and read an area's staff meetings: the area's secretariat (事務局) and its staff meeting group
 * (担当者会議), and administrators. A member town's own groups give no access: the meeting is the area's.
 */
@Component
class StaffMeetingAccess {

  private final AreaPlanService areas;

  StaffMeetingAccess(AreaPlanService areas) {
    this.areas = areas;
  }

  boolean mayWorkOn(Authentication auth, String area) {
    var groups = Roles.groups(auth);
    return groups.contains(GroupNames.ADMIN) || groups.contains(GroupNames.secretariat(area))
        || groups.contains(GroupNames.staffMeeting(area));
  }

  /**
   * Whether the person works for some area at all: only they learn from a 400 that an area code is unknown;
   * everybody else gets 403 first.
   */
  boolean worksForAnArea(Authentication auth) {
    return Roles.groups(auth).stream().anyMatch(g -> g.equals(GroupNames.ADMIN)
        || areaOf(g, GroupNames.staffMeeting("")) || areaOf(g, GroupNames.secretariat("")));
  }

  private boolean areaOf(String group, String suffix) {
    return group.endsWith(suffix) && areas.isArea(group.substring(0, group.length() - suffix.length()));
  }
}

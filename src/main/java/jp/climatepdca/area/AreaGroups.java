package jp.climatepdca.area;

import java.util.List;
import jp.climatepdca.identity.GroupNames;
import jp.climatepdca.identity.TenantDirectory.GroupSpec;

/**
 * The area's role groups, members of the area's tenant only: its secretariat (事務局, staffed by the lead
 * city), the liaison meeting of the members' climate departments (連絡会議), the advisory opinion-hearing
 * committee (意見聴取委員会) and the members' staff meeting (担当者会議).
 */
final class AreaGroups {

  private AreaGroups() {}

  static List<GroupSpec> of(AreaView area) {
    return List.of(
        new GroupSpec(GroupNames.secretariat(area.code()), area.name() + " 事務局", "SECRETARIAT"),
        new GroupSpec(GroupNames.liaison(area.code()), area.name() + " 連絡会議", "LIAISON"),
        new GroupSpec(GroupNames.committee(area.code()), area.name() + " 意見聴取委員会", "COMMITTEE"),
        new GroupSpec(GroupNames.staffMeeting(area.code()), area.name() + " 担当者会議", "STAFF_MEETING"));
  }
}

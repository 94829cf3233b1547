package jp.climatepdca.area;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import jp.climatepdca.identity.GroupNames;
import jp.climatepdca.identity.TenantDirectory;
import jp.climatepdca.identity.TenantDirectory.GroupSpec;
import jp.climatepdca.plan.PlanImportService;
import jp.climatepdca.testing.Http;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The staff meeting tests' own areas in the shared application context: {@code sm-area} (three member towns,
 * 947101 lead) and {@code sm-other} (947104), stored through the area's tables, each a tenant with its
 * secretariat and staff meeting groups, and users: the area's secretariat and staff meeting member, a member
 * town's secretariat, and the other area's secretariat.
 */
final class StaffMeetingArea {

  static final String AREA = "sm-area";
  static final String OTHER_AREA = "sm-other";
  static final List<String> MEMBERS = List.of("947101", "947102", "947103");
  static final String OTHER_MEMBER = "947104";
  static final String SECRETARIAT_USER = "sm-jimukyoku";
  static final String STAFF_MEETING_USER = "sm-tantou";
  static final String TOWN_USER = "sm-town";
  static final String OTHER_AREA_USER = "sm-other-jimukyoku";

  private StaffMeetingArea() {}

  /** Idempotent: the shared context may already hold them from another test class. */
  static void ensure(PlanImportService plans, AreaRepository areas, AreaMemberRepository members,
      TenantDirectory tenants, IdentityService identity, TransactionTemplate tx) {
    if (areas.existsById(AREA)) {
      return;
    }
    var towns = new java.util.ArrayList<>(MEMBERS);
    towns.add(OTHER_MEMBER);
    for (var code : towns) {
      plans.importPlan(new ByteArrayInputStream(("""
          {"municipality": {"code": "%s", "name": "会議町%s"},
           "departments": [{"code": "kankyo", "name": "環境課"}],
           "measures": [{"code": "M-01", "department": "kankyo", "name": "省エネ", "sector": "HOUSEHOLD",
                         "kind": "IMPLEMENTATION"}]}
          """.formatted(code, code.substring(2))).getBytes(StandardCharsets.UTF_8)));
    }
    tx.executeWithoutResult(s -> {
      store(areas, members, AREA, "担当者会議試験圏域", MEMBERS);
      store(areas, members, OTHER_AREA, "別の試験圏域", List.of(OTHER_MEMBER));
      tenants.ensure(AREA, "担当者会議試験圏域", groups(AREA));
      tenants.ensure(OTHER_AREA, "別の試験圏域", groups(OTHER_AREA));
    });
    user(identity, SECRETARIAT_USER, GroupNames.secretariat(AREA));
    user(identity, STAFF_MEETING_USER, GroupNames.staffMeeting(AREA));
    user(identity, TOWN_USER, GroupNames.secretariat(MEMBERS.get(1)));
    user(identity, OTHER_AREA_USER, GroupNames.secretariat(OTHER_AREA));
  }

  private static List<GroupSpec> groups(String area) {
    return List.of(new GroupSpec(GroupNames.secretariat(area), area + " 事務局", "SECRETARIAT"),
        new GroupSpec(GroupNames.staffMeeting(area), area + " 担当者会議", "STAFF_MEETING"));
  }

  private static void store(AreaRepository areas, AreaMemberRepository members, String code, String name,
      List<String> towns) {
    var area = new Area(code);
    area.update(name, towns.get(0), 2021, 2030, 2013, "10-31", "test", Instant.now());
    areas.save(area);
    for (int i = 0; i < towns.size(); i++) {
      members.save(new AreaMember(code, towns.get(i), i));
    }
  }

  private static void user(IdentityService identity, String id, String group) {
    var user = identity.newUser(id);
    user.setFirstName("試験");
    user.setLastName(id);
    user.setPassword(Http.PASSWORD);
    identity.saveUser(user);
    identity.createMembership(id, group);
  }
}

package jp.climatepdca.identity;

import java.util.ArrayList;
import java.util.List;
import jp.climatepdca.plan.PlanService;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The ready demo (profile {@code demo}, the default): gives every role of every loaded municipality and
 * area a user whose password is {@value #PASSWORD}. Safe to run on every start: what exists is left alone.
 * The demo city's users have the short ids the guide lists ({@code jimukyoku}); every other municipality's
 * and every area's carry its code in front ({@code 999101-jimukyoku}), since a user belongs to one tenant.
 */
@Component
@Profile("demo")
class DemoData {

  static final String PASSWORD = "demo";

  /** The demo city (plan/demo-city.json), whose users keep the short ids. */
  static final String DEMO_CITY = "999999";

  private final PlanService plans;
  private final IdentityService identity;

  DemoData(PlanService plans, IdentityService identity) {
    this.plans = plans;
    this.identity = identity;
  }

  /**
   * After the plan files (PlanStartupImport, which the demo profile points at plan/*.json) and the area
   * files (AreaStartupImport, plan/areas/*.json) are loaded.
   */
  @EventListener(ApplicationReadyEvent.class)
  @Order(-10)
  void seed() {
    var municipalities = new java.util.HashSet<String>();
    for (var m : plans.municipalities()) {
      municipalities.add(m.code());
      for (var user : users(m.code())) {
        ensure(user);
      }
    }
    for (var tenant : identity.createTenantQuery().list()) {
      if (!municipalities.contains(tenant.getId())) {
        areaUsers(tenant.getId()).forEach(this::ensure);
      }
    }
  }

  /** The demo users of a municipality; docs/guide.md lists the demo city's. */
  List<DemoUser> users(String municipality) {
    var prefix = municipality.equals(DEMO_CITY) ? "" : municipality + "-";
    var users = new ArrayList<DemoUser>(List.of(
        new DemoUser(prefix + "jimukyoku", "事務局", "環境 花子", GroupNames.secretariat(municipality)),
        new DemoUser(prefix + "honbu", "推進本部", "本部 太郎", GroupNames.headquarters(municipality)),
        new DemoUser(prefix + "iinkai", "推進委員会", "委員 一郎", GroupNames.committee(municipality))));
    for (var d : plans.departments(municipality)) {
      users.add(new DemoUser(prefix + d.code() + "-staff", d.name(), "担当者",
          GroupNames.departmentStaff(municipality, d.code())));
      users.add(new DemoUser(prefix + d.code() + "-head", d.name(), "所属長",
          GroupNames.departmentHead(municipality, d.code())));
    }
    return users;
  }

  /**
   * A tenant that is no municipality is an area (its groups come from the area loader): one user for each
   * of its role groups that exists, {@code <area>-jimukyoku}, {@code -renraku}, {@code -iinkai}, {@code -tantou}.
   */
  List<DemoUser> areaUsers(String area) {
    var roles = List.of(
        new DemoUser(area + "-jimukyoku", "圏域事務局", "連携 花子", GroupNames.secretariat(area)),
        new DemoUser(area + "-renraku", "連絡会議", "連絡 次郎", GroupNames.liaison(area)),
        new DemoUser(area + "-iinkai", "意見聴取委員会", "委員 二郎", GroupNames.committee(area)),
        new DemoUser(area + "-tantou", "担当者会議", "担当 三郎", GroupNames.staffMeeting(area)));
    return roles.stream()
        .filter(u -> identity.createGroupQuery().groupId(u.group()).memberOfTenant(area).count() == 1)
        .toList();
  }

  private void ensure(DemoUser spec) {
    if (identity.createUserQuery().userId(spec.id()).count() == 0) {
      var user = identity.newUser(spec.id());
      user.setFirstName(spec.firstName());
      user.setLastName(spec.lastName());
      user.setEmail(spec.id() + "@example.jp");
      user.setPassword(PASSWORD);
      identity.saveUser(user);
    }
    if (identity.createUserQuery().userId(spec.id()).memberOfGroup(spec.group()).count() == 0) {
      identity.createMembership(spec.id(), spec.group());
    }
  }

  record DemoUser(String id, String firstName, String lastName, String group) {}
}

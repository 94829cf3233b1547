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
 * The ready demo (profile {@code demo}, the default): gives every role of every loaded municipality a
 * user whose password is {@value #PASSWORD}. Safe to run on every start: what exists is left alone.
 */
@Component
@Profile("demo")
class DemoData {

  static final String PASSWORD = "demo";

  private final PlanService plans;
  private final IdentityService identity;

  DemoData(PlanService plans, IdentityService identity) {
    this.plans = plans;
    this.identity = identity;
  }

  /** After the plan files are loaded (PlanStartupImport, which the demo profile points at plan/*.json). */
  @EventListener(ApplicationReadyEvent.class)
  @Order(-10)
  void seed() {
    for (var m : plans.municipalities()) {
      for (var user : users(m.code())) {
        ensure(user);
      }
    }
  }

  /** The demo users of a municipality; docs/guide.md lists the demo city's. */
  List<DemoUser> users(String municipality) {
    var users = new ArrayList<DemoUser>(List.of(
        new DemoUser("jimukyoku", "事務局", "環境 花子", GroupNames.secretariat(municipality)),
        new DemoUser("honbu", "推進本部", "本部 太郎", GroupNames.headquarters(municipality)),
        new DemoUser("iinkai", "推進委員会", "委員 一郎", GroupNames.committee(municipality))));
    for (var d : plans.departments(municipality)) {
      users.add(new DemoUser(d.code() + "-staff", d.name(), "担当者",
          GroupNames.departmentStaff(municipality, d.code())));
      users.add(new DemoUser(d.code() + "-head", d.name(), "所属長", GroupNames.departmentHead(municipality, d.code())));
    }
    return users;
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

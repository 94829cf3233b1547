package jp.climatepdca.identity;

import java.util.ArrayList;
import java.util.List;
import jp.climatepdca.identity.TenantDirectory.GroupSpec;
import jp.climatepdca.plan.PlanImportedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Creates a municipality's tenant and role groups when its plan is loaded, with what Tasklist needs: access to the
 * application. Task access itself comes from the engine, which grants a task's candidate group read
 * and work permission on that task only; so a department sees only its own tasks.
 */
@Component
class GroupProvisioner {

  private final TenantDirectory tenants;

  GroupProvisioner(TenantDirectory tenants) {
    this.tenants = tenants;
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
    tenants.ensure(m.code(), m.name(), groups);
  }
}

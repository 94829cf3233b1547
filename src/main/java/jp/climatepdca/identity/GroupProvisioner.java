package jp.climatepdca.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.climatepdca.identity.TenantDirectory.GroupSpec;
import jp.climatepdca.plan.DepartmentView;
import jp.climatepdca.plan.MunicipalityView;
import jp.climatepdca.plan.PlanGovernance;
import jp.climatepdca.plan.PlanGovernanceService;
import jp.climatepdca.plan.PlanImportedEvent;
import jp.climatepdca.plan.PlanService;
import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates a municipality's tenant and role groups when its plan is loaded, with what Tasklist needs: access to the
 * application. Task access itself comes from the engine, which grants a task's candidate group read
 * and work permission on that task only; so a department sees only its own tasks.
 */
@Component
class GroupProvisioner {

  private static final Logger LOG = LoggerFactory.getLogger(GroupProvisioner.class);

  private final TenantDirectory tenants;
  private final PlanService plans;
  private final IdentityService identity;
  private final PlanGovernanceService governance;

  GroupProvisioner(TenantDirectory tenants, PlanService plans, IdentityService identity,
      PlanGovernanceService governance) {
    this.tenants = tenants;
    this.governance = governance;
    this.plans = plans;
    this.identity = identity;
  }

  @EventListener
  void on(PlanImportedEvent event) {
    provision(event.municipality(), event.departments());
  }

  /**
   * A municipality whose plan was loaded before tenants existed (an installation upgraded from the ninth
   * session) gets its tenant at the next start, with its groups as members: otherwise its users, authenticated
   * without a tenant, would no longer see the tasks of the cycles started from now on. One query per
   * municipality when nothing is missing. Before the demo users (DemoData, order -10), after the plan files
   * (PlanStartupImport, -20), which provision their own.
   */
  @EventListener(ApplicationReadyEvent.class)
  @Order(-15)
  void tenantsOfPlansLoadedBefore() {
    for (var m : plans.municipalities()) {
      if (identity.createTenantQuery().tenantId(m.code()).count() == 0) {
        LOG.info("Municipality {} had no Camunda tenant: creating it with its groups as members", m.code());
        provision(m, plans.departments(m.code()));
      }
    }
  }

  /** The bodies' groups carry the names the plan gives them (docs/governance.md), else today's. */
  private void provision(MunicipalityView m, List<DepartmentView> departments) {
    var plan = governance.current(m.code());
    var groups = new ArrayList<GroupSpec>(List.of(
        new GroupSpec(GroupNames.secretariat(m.code()), m.name() + " 事務局（環境政策担当）", "SECRETARIAT"),
        new GroupSpec(GroupNames.headquarters(m.code()),
            m.name() + " " + name(plan.map(PlanGovernance::headquarters), "推進本部"), "HEADQUARTERS"),
        new GroupSpec(GroupNames.committee(m.code()),
            m.name() + " " + name(plan.map(PlanGovernance::committee), "推進委員会（環境審議会）"), "COMMITTEE")));
    if (m.liaisonMeeting()) {
      groups.add(new GroupSpec(GroupNames.liaison(m.code()),
          m.name() + " " + name(plan.map(PlanGovernance::liaison), "連絡会議"), "LIAISON"));
    }
    for (var d : departments) {
      groups.add(new GroupSpec(GroupNames.departmentStaff(m.code(), d.code()), d.name() + " 担当者", "DEPARTMENT_STAFF"));
      groups.add(new GroupSpec(GroupNames.departmentHead(m.code(), d.code()), d.name() + " 所属長", "DEPARTMENT_HEAD"));
    }
    tenants.ensure(m.code(), m.name(), groups);
  }

  private static String name(Optional<PlanGovernance.Body> body, String fallback) {
    return body.map(PlanGovernance.Body::name).orElse(fallback);
  }
}

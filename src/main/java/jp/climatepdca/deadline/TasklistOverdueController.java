package jp.climatepdca.deadline;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import jp.climatepdca.cycle.FiscalYearCycleProcess;
import jp.climatepdca.identity.Roles;
import jp.climatepdca.plan.PlanService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /camunda/api/climate-pdca/overdue}: everything overdue in the running cycles of the towns whose
 * secretariat the Tasklist user is, for Tasklist's 「期限超過（全部署）」 (custom/overdue-everything.js), with the
 * Tasklist session as the login ({@link TasklistOverdueDoor}). The same rows as the overdue API, so the
 * departments' open tasks are there by name, department, group and due date, and nothing of their drafts; the
 * 期限超過 filter itself keeps to the tasks the secretariat may read (docs/deadlines.md, why). Which towns: the
 * user's tenants whose secretariat group the user is in now; which years: the town's running fiscal-year
 * cycles. Anyone who is no town's secretariat: 403.
 */
@RestController
@RequestMapping(TasklistOverdueDoor.PATH)
class TasklistOverdueController {

  private final OverdueTasks overdue;
  private final PlanService plans;
  private final Roles roles;
  private final RuntimeService runtime;
  private final IdentityService identity;

  TasklistOverdueController(OverdueTasks overdue, PlanService plans, Roles roles, RuntimeService runtime,
      IdentityService identity) {
    this.identity = identity;
    this.overdue = overdue;
    this.plans = plans;
    this.roles = roles;
    this.runtime = runtime;
  }

  /**
   * Read as the engine itself: the webapps' address carries the Tasklist user's engine authentication, whose
   * authorizations would hide the departments' tasks and the cycle's instance from the secretariat; who may see
   * the rows was decided above from the groups and tenants, and the rows hold no variable.
   */
  @GetMapping
  List<OverdueList> overdue(Authentication auth) {
    var engineUser = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return lists(auth);
    } finally {
      if (engineUser != null) {
        identity.setAuthentication(engineUser);
      }
    }
  }

  private List<OverdueList> lists(Authentication auth) {
    var towns = new TreeSet<>(Roles.tenants(auth));
    towns.removeIf(town -> !roles.managesMunicipality(auth, town) || plans.findMunicipality(town).isEmpty());
    if (towns.isEmpty()) {
      throw new AccessDeniedException("全部署の期限超過を見られるのは自治体の事務局だけです");
    }
    var lists = new ArrayList<OverdueList>();
    for (var code : towns) {
      var town = plans.findMunicipality(code).orElseThrow();
      var years = new TreeSet<Integer>();
      for (ProcessInstance cycle : runtime.createProcessInstanceQuery()
          .processDefinitionKey(FiscalYearCycleProcess.KEY).processInstanceBusinessKeyLike(code + ":%").list()) {
        var key = cycle.getBusinessKey();
        if (key != null && key.startsWith(code + ":") && key.substring(code.length() + 1).matches("\\d{4}")) {
          years.add(Integer.parseInt(key.substring(code.length() + 1)));
        }
      }
      for (var year : years.descendingSet()) {
        lists.add(overdue.of(town, year));
      }
    }
    return lists;
  }
}

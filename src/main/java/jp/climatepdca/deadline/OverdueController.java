package jp.climatepdca.deadline;

import jp.climatepdca.identity.Roles;
import jp.climatepdca.plan.PlanService;
import jp.climatepdca.system.FiscalYear;
import jp.climatepdca.system.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/cycles/{municipality}/{fiscalYear}/overdue}: the secretariat's (and an administrator's)
 * overview of the town's tasks past their due date (docs/deadlines.md, docs/api.md). Departments,
 * headquarters and other towns get 403: the list names every department's late work.
 */
@RestController
class OverdueController {

  private final OverdueTasks overdue;
  private final PlanService plans;
  private final Roles roles;

  OverdueController(OverdueTasks overdue, PlanService plans, Roles roles) {
    this.overdue = overdue;
    this.plans = plans;
    this.roles = roles;
  }

  @GetMapping("/api/cycles/{municipality}/{fiscalYear}/overdue")
  OverdueList overdue(@PathVariable String municipality, @PathVariable @FiscalYear int fiscalYear, Authentication auth) {
    if (!roles.managesMunicipality(auth, municipality)) {
      throw new AccessDeniedException("期限超過の一覧を見られるのはこの自治体の事務局または管理者だけです");
    }
    var town = plans.findMunicipality(municipality)
        .orElseThrow(() -> new NotFoundException("自治体コード \"" + municipality + "\" は登録されていません"));
    return overdue.of(town, fiscalYear);
  }
}

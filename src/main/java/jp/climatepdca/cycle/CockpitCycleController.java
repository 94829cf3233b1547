package jp.climatepdca.cycle;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import jp.climatepdca.engine.WebappLogin;
import jp.climatepdca.identity.GroupNames;
import jp.climatepdca.system.FiscalYear;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /camunda/api/climate-pdca/cockpit/cycles}: every municipality's cycles for the cycle list in
 * Cockpit (app/cockpit/custom/cycle-overview.js). Under the webapps' address so Cockpit's page calls it with
 * its session cookie; the user is the webapp login of that session ({@link WebappLogin}), and only a member of
 * {@code camunda-admin} now (groups read again, not the login's cached ones) gets an answer: the list crosses
 * every tenant.
 */
@RestController
@RequestMapping("${camunda.bpm.webapp.application-path:/camunda}/api/climate-pdca/cockpit")
class CockpitCycleController {

  private final WebappLogin login;
  private final IdentityService identity;
  private final CycleOverviewService overview;

  CockpitCycleController(WebappLogin login, IdentityService identity, CycleOverviewService overview) {
    this.login = login;
    this.identity = identity;
    this.overview = overview;
  }

  @GetMapping(value = "/cycles", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> cycles(@RequestParam(required = false) @FiscalYear Integer fiscalYear, HttpServletRequest request) {
    var refused = refusal(request);
    if (refused != null) {
      return refused;
    }
    List<CycleOverview> cycles = overview.overview(fiscalYear);
    return ResponseEntity.ok(cycles);
  }

  /** The steps of one cycle from the history: Cockpit CE opens no ended instance, so the list links here. */
  @GetMapping(value = "/cycles/{processInstanceId}/steps", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> steps(@PathVariable String processInstanceId, HttpServletRequest request) {
    var refused = refusal(request);
    return refused != null ? refused : ResponseEntity.ok(overview.steps(processInstanceId));
  }

  /** 401 without a webapp login, 403 for anyone not in camunda-admin now; null for an administrator. */
  private ResponseEntity<ProblemDetail> refusal(HttpServletRequest request) {
    var user = login.userId(request);
    if (user.isEmpty()) {
      return problem(HttpStatus.UNAUTHORIZED, "ログインが必要です", "Cockpit に管理者としてログインしてから開いてください");
    }
    if (identity.createGroupQuery().groupMember(user.get()).groupId(GroupNames.ADMIN).count() == 0) {
      return problem(HttpStatus.FORBIDDEN, "権限がありません", "全自治体の年度サイクル一覧を見られるのは管理者（camunda-admin）だけです");
    }
    return null;
  }

  private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail) {
    var problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }
}

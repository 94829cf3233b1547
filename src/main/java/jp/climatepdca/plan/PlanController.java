package jp.climatepdca.plan;

import java.io.IOException;
import java.util.List;
import jp.climatepdca.plan.PlanImportService.PlanImportResult;
import jp.climatepdca.system.MunicipalityPermission;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
class PlanController {

  private final PlanService plans;
  private final PlanImportService importer;
  private final MunicipalityPermission permission;

  PlanController(PlanService plans, PlanImportService importer, MunicipalityPermission permission) {
    this.plans = plans;
    this.importer = importer;
    this.permission = permission;
  }

  /** The municipalities whose tenant the person belongs to (an administrator: all). */
  @GetMapping("/municipalities")
  List<MunicipalitySummary> municipalities(Authentication auth) {
    return plans.municipalities().stream().filter(m -> permission.belongsTo(auth, m.code()))
        .map(m -> new MunicipalitySummary(m.code(), m.name())).toList();
  }

  /** Takes the plan file as the request body (application/json), as docs/api.md documents. */
  @PostMapping(path = "/plans", consumes = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("@roles.canManagePlans(authentication)")
  PlanImportResult importPlan(jakarta.servlet.http.HttpServletRequest request, Authentication auth)
      throws IOException {
    // a secretariat loads its own municipality's plan; an administrator any
    return importer.importPlan(request.getInputStream(), code -> permission.managesMunicipality(auth, code),
        auth.getName());
  }

  record MunicipalitySummary(String code, String name) {}
}

package jp.climatepdca.area;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import jp.climatepdca.area.AreaImportService.AreaImportResult;
import jp.climatepdca.plan.IndicatorView;
import jp.climatepdca.plan.PlanService;
import jp.climatepdca.system.MunicipalityPermission;
import jp.climatepdca.system.NotFoundException;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The area plans (docs/area.md): loading an area file, the list, one area's whole plan. The plan of an area
 * is what its members agreed on and publish; any signed-in person may read it, as the municipality list.
 */
@RestController
@RequestMapping("/api/areas")
class AreaController {

  private final AreaPlanService areas;
  private final AreaImportService importer;
  private final PlanService plans;
  private final MunicipalityPermission permission;

  AreaController(AreaPlanService areas, AreaImportService importer, PlanService plans,
      MunicipalityPermission permission) {
    this.areas = areas;
    this.importer = importer;
    this.plans = plans;
    this.permission = permission;
  }

  /** Takes the area file as the request body; the lead municipality's secretariat or an administrator. */
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("@roles.canManagePlans(authentication)")
  AreaImportResult importArea(HttpServletRequest request, Authentication auth) throws IOException {
    return importer.importArea(request.getInputStream(), code -> permission.managesMunicipality(auth, code),
        auth.getName());
  }

  @GetMapping
  List<AreaView> list() {
    return areas.all();
  }

  @GetMapping("/{area}")
  AreaPlan area(@PathVariable String area) {
    var view = areas.find(area).orElseThrow(() -> new NotFoundException("圏域 \"" + area + "\" は登録されていません"));
    var members = view.members().stream()
        .map(code -> new Member(code, plans.findMunicipality(code).map(m -> m.name()).orElse(code),
            code.equals(view.lead())))
        .toList();
    return new AreaPlan(view, members, areas.sharedMeasures(area), areas.indicators(area), areas.emissionTargets(area));
  }

  /** The whole area plan as its file states it, with the members' names. */
  record AreaPlan(AreaView area, List<Member> members, List<SharedMeasureView> measures,
      List<IndicatorView> indicators, List<AreaEmissionTargetView> emissionTargets) {}

  record Member(String code, String name, boolean lead) {}
}

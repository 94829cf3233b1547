package jp.climatepdca.plan;

import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The plan's versions for those who review the plan as a whole: the municipality's secretariat,
 * headquarters, committee (and liaison meeting), and administrators. A department's staff and another
 * municipality's users are refused (403) before anything is looked up.
 */
@RestController
@RequestMapping("/api/plans/{municipality}/versions")
class PlanVersionController {

  private final PlanVersionService versions;

  PlanVersionController(PlanVersionService versions) {
    this.versions = versions;
  }

  @GetMapping
  @PreAuthorize("@roles.seesWholeMunicipality(authentication, #municipality)")
  List<PlanVersionView> versions(@PathVariable String municipality) {
    return versions.versions(municipality);
  }

  @GetMapping("/{from}/diff/{to}")
  @PreAuthorize("@roles.seesWholeMunicipality(authentication, #municipality)")
  PlanVersionDiff diff(@PathVariable String municipality, @PathVariable int from, @PathVariable int to) {
    return versions.diff(municipality, from, to);
  }
}

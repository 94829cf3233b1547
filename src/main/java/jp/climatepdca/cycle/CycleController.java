package jp.climatepdca.cycle;

import java.net.URI;
import jp.climatepdca.identity.Roles;
import jp.climatepdca.system.FiscalYear;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/cycles")
class CycleController {

  private final CycleStarter starter;
  private final CycleStatusService statuses;
  private final Roles roles;

  CycleController(CycleStarter starter, CycleStatusService statuses, Roles roles) {
    this.starter = starter;
    this.statuses = statuses;
    this.roles = roles;
  }

  /**
   * Only a secretariat or an administrator may start a cycle. Whether the body is valid is answered
   * before whose municipality it is, so a secretariat gets a 400 for a typo, not a 403.
   */
  @PostMapping
  ResponseEntity<StartedCycle> start(@RequestBody StartCycleRequest request, Authentication auth) {
    if (!roles.canManagePlans(auth)) {
      throw new AccessDeniedException("年度サイクルを開始できるのは事務局または管理者だけです");
    }
    if (request.municipality() != null && request.fiscalYear() != null
        && !roles.canStartCycle(auth, request.municipality()) && isKnown(request.municipality())) {
      throw new AccessDeniedException("この自治体の年度サイクルを開始する権限がありません");
    }
    var started = starter.start(request.municipality(), request.fiscalYear(), auth.getName());
    var location = URI.create("/api/cycles/" + started.municipality() + "/" + started.fiscalYear());
    return ResponseEntity.created(location).body(started);
  }

  @GetMapping("/{municipality}/{fiscalYear}")
  CycleStatus status(@PathVariable String municipality, @PathVariable @FiscalYear int fiscalYear, Authentication auth) {
    if (!roles.belongsTo(auth, municipality)) {
      throw new AccessDeniedException("この自治体のサイクルを参照する権限がありません");
    }
    var wholeCity = roles.seesWholeMunicipality(auth, municipality);
    return statuses.status(municipality, fiscalYear, d -> roles.seesDepartment(auth, municipality, d), wholeCity);
  }

  private boolean isKnown(String municipality) {
    return starter.isKnownMunicipality(municipality);
  }

  record StartCycleRequest(String municipality, Integer fiscalYear) {}
}

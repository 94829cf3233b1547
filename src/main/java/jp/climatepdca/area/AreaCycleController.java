package jp.climatepdca.area;

import java.net.URI;
import jp.climatepdca.identity.GroupNames;
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

/** Starting an area's cycle of a year (the area secretariat) and where it stands (the area's groups). */
@RestController
@RequestMapping("/api/area-cycles")
class AreaCycleController {

  private final AreaCycleStarter starter;
  private final AreaCycleStatusService statuses;
  private final Roles roles;

  AreaCycleController(AreaCycleStarter starter, AreaCycleStatusService statuses, Roles roles) {
    this.starter = starter;
    this.statuses = statuses;
    this.roles = roles;
  }

  /**
   * Only the area's secretariat ({@code <area>-secretariat}, run by the lead city) or an administrator. As
   * for a municipality's cycle, a malformed body is answered (400) before whose area it is; a member town's
   * secretariat gets 403 for a known area.
   */
  @PostMapping
  ResponseEntity<StartedAreaCycle> start(@RequestBody StartAreaCycleRequest request, Authentication auth) {
    if (!roles.canManagePlans(auth)) {
      throw new AccessDeniedException("圏域のサイクルを開始できるのは圏域の事務局または管理者だけです");
    }
    if (request.area() != null && request.fiscalYear() != null && !managesArea(auth, request.area())
        && starter.isKnownArea(request.area())) {
      throw new AccessDeniedException("この圏域のサイクルを開始する権限がありません（圏域の事務局のみ）");
    }
    var started = starter.start(request.area(), request.fiscalYear(), auth.getName());
    return ResponseEntity.created(URI.create("/api/area-cycles/" + started.area() + "/" + started.fiscalYear()))
        .body(started);
  }

  /** The area's groups (secretariat, liaison meeting, committee, staff meeting) and administrators. */
  @GetMapping("/{area}/{fiscalYear}")
  AreaCycleStatus status(@PathVariable String area, @PathVariable @FiscalYear int fiscalYear, Authentication auth) {
    var groups = Roles.groups(auth);
    if (!roles.isAdmin(auth) && !groups.contains(GroupNames.secretariat(area)) && !groups.contains(GroupNames.liaison(area))
        && !groups.contains(GroupNames.committee(area)) && !groups.contains(GroupNames.staffMeeting(area))) {
      throw new AccessDeniedException("この圏域のサイクルを参照する権限がありません");
    }
    return statuses.status(area, fiscalYear);
  }

  private boolean managesArea(Authentication auth, String area) {
    return roles.isAdmin(auth) || Roles.groups(auth).contains(GroupNames.secretariat(area));
  }

  record StartAreaCycleRequest(String area, Integer fiscalYear) {}
}

package jp.climatepdca.area;

import jakarta.servlet.http.HttpServletRequest;
import jp.climatepdca.cycle.CockpitPages;
import jp.climatepdca.system.FiscalYear;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /camunda/api/climate-pdca/cockpit/area-cycles}: every area's cycles for the cycle list in Cockpit
 * (app/cockpit/custom/cycle-overview.js, next to the towns' of cycle.CockpitCycleController), and an area
 * cycle's steps from the history. Administrators only ({@link CockpitPages#refusal}): the list crosses every
 * area and member.
 */
@RestController
@RequestMapping("${camunda.bpm.webapp.application-path:/camunda}/api/climate-pdca/cockpit/area-cycles")
class AreaCockpitController {

  private final CockpitPages pages;
  private final AreaCycleOverviewService overview;

  AreaCockpitController(CockpitPages pages, AreaCycleOverviewService overview) {
    this.pages = pages;
    this.overview = overview;
  }

  @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> cycles(@RequestParam(required = false) @FiscalYear Integer fiscalYear, HttpServletRequest request) {
    var refused = pages.refusal(request);
    return refused != null ? refused : ResponseEntity.ok(overview.overview(fiscalYear));
  }

  @GetMapping(value = "/{processInstanceId}/steps", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> steps(@PathVariable String processInstanceId, HttpServletRequest request) {
    var refused = pages.refusal(request);
    return refused != null ? refused : ResponseEntity.ok(overview.steps(processInstanceId));
  }
}

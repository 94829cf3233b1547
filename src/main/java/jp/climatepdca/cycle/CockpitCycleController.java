package jp.climatepdca.cycle;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import jp.climatepdca.system.FiscalYear;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /camunda/api/climate-pdca/cockpit/cycles}: every municipality's cycles for the cycle list in
 * Cockpit (app/cockpit/custom/cycle-overview.js). Under the webapps' address so Cockpit's page calls it with
 * its session cookie; only an administrator gets an answer ({@link CockpitPages#refusal}): the list crosses
 * every tenant. The areas' cycles: area.AreaCockpitController.
 */
@RestController
@RequestMapping("${camunda.bpm.webapp.application-path:/camunda}/api/climate-pdca/cockpit")
class CockpitCycleController {

  private final CockpitPages pages;
  private final CycleOverviewService overview;

  CockpitCycleController(CockpitPages pages, CycleOverviewService overview) {
    this.pages = pages;
    this.overview = overview;
  }

  @GetMapping(value = "/cycles", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> cycles(@RequestParam(required = false) @FiscalYear Integer fiscalYear, HttpServletRequest request) {
    var refused = pages.refusal(request);
    if (refused != null) {
      return refused;
    }
    List<CycleOverview> cycles = overview.overview(fiscalYear);
    return ResponseEntity.ok(cycles);
  }

  /** The steps of one cycle from the history: Cockpit CE opens no ended instance, so the list links here. */
  @GetMapping(value = "/cycles/{processInstanceId}/steps", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> steps(@PathVariable String processInstanceId, HttpServletRequest request) {
    var refused = pages.refusal(request);
    return refused != null ? refused : ResponseEntity.ok(overview.steps(processInstanceId));
  }
}

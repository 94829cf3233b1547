package jp.climatepdca.publication;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import jp.climatepdca.system.FiscalYear;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The annual report's versions for the municipality's staff, and the start of a correction. */
@RestController
@RequestMapping("/api/reports")
class ReportController {

  private final AnnualReportService reports;
  private final PublicationStarter starter;

  ReportController(AnnualReportService reports, PublicationStarter starter) {
    this.reports = reports;
    this.starter = starter;
  }

  /** Every version, drafts included (who prepared, approved and published it, and when). */
  @GetMapping("/{municipality}/{fiscalYear}")
  @PreAuthorize("@roles.belongsTo(authentication, #municipality)")
  List<AnnualReportService.VersionRecord> versions(@PathVariable String municipality, @PathVariable @FiscalYear int fiscalYear) {
    return reports.versions(municipality, fiscalYear);
  }

  @PostMapping("/{municipality}/{fiscalYear}/corrections")
  @PreAuthorize("@roles.managesMunicipality(authentication, #municipality)")
  ResponseEntity<Started> correct(@PathVariable String municipality, @PathVariable @FiscalYear int fiscalYear) {
    var id = starter.startCorrection(municipality, fiscalYear);
    return ResponseEntity.created(URI.create("/api/reports/" + municipality + "/" + fiscalYear))
        .body(new Started(id, municipality + ":" + fiscalYear + AnnualReportPublicationProcess.BUSINESS_KEY_SUFFIX,
            Instant.now()));
  }

  record Started(String processInstanceId, String businessKey, Instant startedAt) {}
}

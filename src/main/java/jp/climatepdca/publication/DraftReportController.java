package jp.climatepdca.publication;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.climatepdca.system.FiscalYear;
import jp.climatepdca.system.NotFoundException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The annual report on its way to publication, exactly as it will be published: the public page's template,
 * the PDF, CSV and JSON rendered from the frozen draft, marked 下書き・未公表. Linked from 公表の承認 and 公表;
 * only the town's secretariat and headquarters and administrators see it (403 for anyone else, 401 without
 * login), never stored and never cached (no-store), and no search engine is to index it. Two doors, one rule:
 * API clients with HTTP Basic, Tasklist's links with the session's login ({@link DraftReportAddresses}).
 */
@Controller
@RequestMapping({DraftReportAddresses.API, DraftReportAddresses.TASKLIST})
@PreAuthorize("@roles.seesReportDraft(authentication, #municipality)")
class DraftReportController {

  /** The public pages' policy: a text of the report can carry markup, none of it may run. */
  static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
      + "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

  private final AnnualReportService reports;
  private final ReportPage page;
  private final ReportPdf pdf;
  private final ObjectMapper json;
  private final DraftReportAddresses addresses;

  DraftReportController(AnnualReportService reports, ReportPage page, ReportPdf pdf, ObjectMapper json,
      DraftReportAddresses addresses) {
    this.addresses = addresses;
    this.reports = reports;
    this.page = page;
    this.pdf = pdf;
    this.json = json;
  }

  @GetMapping
  String page(@PathVariable String municipality, @PathVariable @FiscalYear int fiscalYear, Model model,
      HttpServletRequest request, HttpServletResponse response) {
    var draft = draft(municipality, fiscalYear);
    response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().cachePrivate().getHeaderValue());
    response.setHeader("X-Robots-Tag", "noindex, nofollow");
    response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    return page.show(draft, addresses.base(request, municipality, fiscalYear), model);
  }

  @GetMapping("/report.pdf")
  ResponseEntity<byte[]> pdf(@PathVariable String municipality, @PathVariable @FiscalYear int fiscalYear) {
    var draft = draft(municipality, fiscalYear);
    return file(draft, ReportFile.PDF, pdf.render(draft));
  }

  @GetMapping("/{table:measures|emissions|indicators|prior-opinions|citizen-opinions}.csv")
  ResponseEntity<byte[]> csv(@PathVariable String municipality, @PathVariable @FiscalYear int fiscalYear,
      @PathVariable String table) {
    var draft = draft(municipality, fiscalYear);
    var file = ReportFile.named(table + ".csv").orElseThrow();
    return file(draft, file, switch (file) {
      case MEASURES -> ReportCsv.measures(draft.content());
      case EMISSIONS -> ReportCsv.emissions(draft.content());
      case PRIOR_OPINIONS -> ReportCsv.priorOpinions(draft.content());
      case CITIZEN_OPINIONS -> ReportCsv.citizenOpinions(draft.content());
      default -> ReportCsv.indicators(draft.content());
    });
  }

  @GetMapping("/report.json")
  ResponseEntity<byte[]> json(@PathVariable String municipality, @PathVariable @FiscalYear int fiscalYear) {
    var draft = draft(municipality, fiscalYear);
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
        .header(HttpHeaders.CONTENT_DISPOSITION, PublicReportController.disposition(municipality, fiscalYear,
            draft.version(), "report-draft.json", false))
        .header("X-Robots-Tag", "noindex, nofollow")
        .cacheControl(CacheControl.noStore().cachePrivate()).body(PublicReportController.json(json, draft));
  }

  private PublishedReport draft(String municipality, int fiscalYear) {
    return reports.draft(municipality, fiscalYear).orElseThrow(() -> new NotFoundException(
        FiscalYears.label(fiscalYear) + "の年次報告書に公表前の版はありません（作成中か、公表済みです）"));
  }

  /** Named like the published file with "-draft" (annual-report-910001-2026-v1-draft.pdf), so nobody mixes them up. */
  private static ResponseEntity<byte[]> file(PublishedReport draft, ReportFile file, byte[] bytes) {
    var name = file.fileName().replace(".", "-draft.");
    return ResponseEntity.ok().contentType(file.type())
        .header(HttpHeaders.CONTENT_DISPOSITION, PublicReportController.disposition(draft.content().municipality(),
            draft.content().fiscalYear(), draft.version(), name, file.attachment()))
        .header("X-Robots-Tag", "noindex, nofollow")
        .cacheControl(CacheControl.noStore().cachePrivate()).body(bytes);
  }
}

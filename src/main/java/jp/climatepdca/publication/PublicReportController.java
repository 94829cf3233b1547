package jp.climatepdca.publication;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;

/**
 * The public pages, without login: only published report versions, rendered from their frozen snapshot.
 * Anything else (a draft, an approved but unpublished version, another year or municipality, a guessed
 * version, a malformed path) is the same plain 404, so nothing tells what exists unpublished.
 */
@Controller
class PublicReportController {

  private static final String NOT_FOUND = "public/not-found";
  private static final CacheControl IMMUTABLE = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();
  private static final CacheControl REVALIDATE = CacheControl.noCache().cachePublic();

  private final AnnualReportService reports;
  private final ReportCharts charts;
  private final PublicFiles files;
  private final ObjectMapper json;
  private final ReportPage reportPage;

  PublicReportController(AnnualReportService reports, ReportCharts charts, PublicFiles files, ObjectMapper json,
      ReportPage reportPage) {
    this.reports = reports;
    this.charts = charts;
    this.files = files;
    this.json = json;
    this.reportPage = reportPage;
  }

  @GetMapping("/public")
  String index(Model model) {
    var municipalities = new LinkedHashMap<String, PublishedReport>();
    for (var code : reports.municipalitiesWithPublishedReports()) {
      var years = reports.publishedYears(code);
      municipalities.put(code, years.get(years.size() - 1));
    }
    model.addAttribute("municipalities", municipalities);
    model.addAttribute("fiscalYears", new FiscalYears());
    return "public/index";
  }

  @GetMapping("/public/{municipality}")
  String municipality(@PathVariable String municipality, Model model, HttpServletResponse response) {
    var years = PublicPaths.municipality(municipality) ? reports.publishedYears(municipality)
        : java.util.List.<PublishedReport>of();
    if (years.isEmpty()) {
      return notFound(response);
    }
    var newestFirst = new java.util.ArrayList<>(years);
    java.util.Collections.reverse(newestFirst);
    model.addAttribute("years", newestFirst);
    model.addAttribute("latest", years.get(years.size() - 1).content());
    model.addAttribute("fiscalYears", new FiscalYears());
    return "public/municipality";
  }

  @GetMapping("/public/{municipality}/compare")
  String compare(@PathVariable String municipality, Model model, HttpServletResponse response) {
    var years = PublicPaths.municipality(municipality) ? reports.publishedYears(municipality)
        : java.util.List.<PublishedReport>of();
    if (years.isEmpty()) {
      return notFound(response);
    }
    model.addAttribute("years", years);
    model.addAttribute("latest", years.get(years.size() - 1).content());
    model.addAttribute("comparison", YearComparison.of(years));
    model.addAttribute("emissionsChart", charts.compareEmissions(years));
    model.addAttribute("fiscalYears", new FiscalYears());
    return "public/compare";
  }

  @GetMapping("/public/{municipality}/{year}")
  String latest(@PathVariable String municipality, @PathVariable String year, Model model,
      HttpServletResponse response) {
    return page(find(municipality, year, null), model, response);
  }

  @GetMapping("/public/{municipality}/{year}/versions/{version}")
  String version(@PathVariable String municipality, @PathVariable String year, @PathVariable String version,
      Model model, HttpServletResponse response) {
    return page(find(municipality, year, version), model, response);
  }

  @GetMapping({"/public/{municipality}/{year}/report.pdf", "/public/{municipality}/{year}/versions/{version}/report.pdf"})
  ResponseEntity<byte[]> pdf(@PathVariable String municipality, @PathVariable String year,
      @PathVariable(required = false) String version,
      @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
    return stored(municipality, year, version, ReportFile.PDF, ifNoneMatch);
  }

  /**
   * Rendered per request from the snapshot, like the page (about 10 ms more than a 304 for a 7 kB report
   * here), not stored: it lists every published version of the year, so a correction changes it at every
   * address.
   */
  @GetMapping({"/public/{municipality}/{year}/report.json", "/public/{municipality}/{year}/versions/{version}/report.json"})
  ResponseEntity<byte[]> json(@PathVariable String municipality, @PathVariable String year,
      @PathVariable(required = false) String version) {
    var found = find(municipality, year, version);
    if (found.isEmpty()) {
      return notPublished();
    }
    var r = found.get();
    var body = json(json, r);
    // Spring answers 304 itself when If-None-Match names this ETag
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
        .header(HttpHeaders.CONTENT_DISPOSITION, disposition(r.content().municipality(), r.content().fiscalYear(),
            r.version(), "report.json", false))
        .eTag("\"" + ReportFileStore.sha256(body) + "\"").cacheControl(REVALIDATE).body(body);
  }

  @GetMapping({"/public/{municipality}/{year}/{table:measures|emissions|indicators|prior-opinions|citizen-opinions}.csv",
      "/public/{municipality}/{year}/versions/{version}/{table:measures|emissions|indicators|prior-opinions|citizen-opinions}.csv"})
  ResponseEntity<byte[]> csv(@PathVariable String municipality, @PathVariable String year,
      @PathVariable(required = false) String version, @PathVariable String table,
      @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
    return stored(municipality, year, version, ReportFile.named(table + ".csv").orElseThrow(), ifNoneMatch);
  }

  /**
   * A stored file, with its SHA-256 as a strong ETag. A numbered version never changes, so it may be kept
   * for a year without asking again; the year's address shows the newest version, which a correction
   * replaces, so caches keep it but ask every time (answered by 304 without reading the bytes).
   */
  private ResponseEntity<byte[]> stored(String municipality, String year, String version, ReportFile file,
      String ifNoneMatch) {
    var address = PublicPaths.address(municipality, year, version);
    var found = address.flatMap(a -> files.find(a.municipality(), a.year(), a.version(), file));
    if (found.isEmpty()) {
      return notPublished();
    }
    var f = found.get();
    var cache = version == null ? REVALIDATE : IMMUTABLE;
    if (PublicPaths.matchesAny(ifNoneMatch, f.etag())) {
      return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(f.etag()).cacheControl(cache).build();
    }
    return ResponseEntity.ok().contentType(file.type()).contentLength(f.size())
        .header(HttpHeaders.CONTENT_DISPOSITION,
            disposition(municipality, address.get().year(), f.version(), file.fileName(), file.attachment()))
        .eTag(f.etag()).cacheControl(cache).body(files.content(f));
  }

  private Optional<PublishedReport> find(String municipality, String year, String version) {
    return PublicPaths.address(municipality, year, version).flatMap(a -> a.version() == null
        ? reports.published(a.municipality(), a.year()) : reports.published(a.municipality(), a.year(), a.version()));
  }

  private String page(Optional<PublishedReport> found, Model model, HttpServletResponse response) {
    if (found.isEmpty()) {
      return notFound(response);
    }
    var report = found.get();
    return reportPage.show(report, "/public/" + report.content().municipality() + "/" + report.content().fiscalYear()
        + (report.latest() ? "" : "/versions/" + report.version()), model);
  }

  private static String notFound(HttpServletResponse response) {
    response.setStatus(HttpStatus.NOT_FOUND.value());
    return NOT_FOUND;
  }

  /** The same answer for everything not published: no ETag, and Spring Security's no-store. */
  private static ResponseEntity<byte[]> notPublished() {
    return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
        .body("公表されていません".getBytes(StandardCharsets.UTF_8));
  }

  static String disposition(String municipality, int fiscalYear, int version, String fileName,
      boolean attachment) {
    // annual-report-910001-2026-v1.pdf, annual-report-910001-2026-v1-measures.csv
    var name = "annual-report-" + municipality + "-" + fiscalYear + "-v" + version
        + (fileName.startsWith("report.") ? fileName.substring("report".length()) : "-" + fileName);
    return (attachment ? ContentDisposition.attachment() : ContentDisposition.inline()).filename(name).build()
        .toString();
  }

  static byte[] json(ObjectMapper json, PublishedReport report) {
    var out = new LinkedHashMap<String, Object>();
    out.put("version", report.version());
    out.put("publishedAt", report.publishedAt());
    out.put("versions", report.versions());
    out.put("report", report.content());
    try {
      return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(out);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the report as JSON", e);
    }
  }
}

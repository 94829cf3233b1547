package jp.climatepdca.area;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import jp.climatepdca.publication.AnnualReportService;
import jp.climatepdca.publication.FiscalYears;
import jp.climatepdca.publication.PublicPaths;
import jp.climatepdca.publication.ReportCharts;
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
 * The area's published annual report without login, like a municipality's public pages: the page, its PDF
 * and CSV of the newest published version. Anything not published, or a malformed address, is the same
 * plain 404 (Japanese), so nothing tells what exists unpublished.
 */
@Controller
class PublicAreaReportController {

  private static final CacheControl REVALIDATE = CacheControl.noCache().cachePublic();

  private final AreaReportService reports;
  private final AnnualReportService memberReports;
  private final ReportCharts charts;

  PublicAreaReportController(AreaReportService reports, AnnualReportService memberReports, ReportCharts charts) {
    this.reports = reports;
    this.memberReports = memberReports;
    this.charts = charts;
  }

  @GetMapping("/public/areas/{area}/{fiscalYear}")
  String page(@PathVariable String area, @PathVariable String fiscalYear, Model model, HttpServletResponse response) {
    var found = year(area, fiscalYear).flatMap(y -> reports.published(area, y));
    if (found.isEmpty()) {
      response.setStatus(HttpStatus.NOT_FOUND.value());
      return "public/not-found";
    }
    var c = found.get();
    model.addAttribute("r", c);
    model.addAttribute("c", c.compilation());
    model.addAttribute("fiscalYears", new FiscalYears());
    model.addAttribute("membersChart", membersChart(c.compilation()));
    model.addAttribute("progressChart", progressChart(c.compilation()));
    model.addAttribute("base", "/public/areas/" + c.area() + "/" + c.fiscalYear());
    // a link to a member's own report of the year once it is published (members publish after the area decides)
    model.addAttribute("memberReports", c.compilation().members().stream().map(AreaCompilation.MemberEmissions::code)
        .filter(m -> memberReports.isPublished(m, c.fiscalYear())).collect(java.util.stream.Collectors.toSet()));
    return "public/area-report";
  }

  @GetMapping("/public/areas/{area}/{fiscalYear}.pdf")
  ResponseEntity<byte[]> pdf(@PathVariable String area, @PathVariable String fiscalYear,
      @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
    return file(area, fiscalYear, AreaReportFile.PDF, ifNoneMatch);
  }

  @GetMapping("/public/areas/{area}/{fiscalYear}.csv")
  ResponseEntity<byte[]> csv(@PathVariable String area, @PathVariable String fiscalYear,
      @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
    return file(area, fiscalYear, AreaReportFile.CSV, ifNoneMatch);
  }

  @GetMapping("/public/areas/{area}/{fiscalYear}/measures.csv")
  ResponseEntity<byte[]> measuresCsv(@PathVariable String area, @PathVariable String fiscalYear,
      @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
    return file(area, fiscalYear, AreaReportFile.MEASURES_CSV, ifNoneMatch);
  }

  @GetMapping("/public/areas/{area}/{fiscalYear}/indicators.csv")
  ResponseEntity<byte[]> indicatorsCsv(@PathVariable String area, @PathVariable String fiscalYear,
      @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
    return file(area, fiscalYear, AreaReportFile.INDICATORS_CSV, ifNoneMatch);
  }

  /** Stored bytes with their SHA-256 as a strong ETag; a correction replaces them, so caches ask every time. */
  private ResponseEntity<byte[]> file(String area, String fiscalYear, AreaReportFile kind, String ifNoneMatch) {
    var year = year(area, fiscalYear);
    var found = year.flatMap(y -> reports.file(area, y, kind));
    if (found.isEmpty()) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
          .body("公表されていません".getBytes(StandardCharsets.UTF_8));
    }
    var f = found.get();
    if (PublicPaths.matchesAny(ifNoneMatch, f.etag())) {
      return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(f.etag()).cacheControl(REVALIDATE).build();
    }
    // area-report-demo-area-2026-v1.pdf, area-report-demo-area-2026-v1-measures.csv
    var name = "area-report-" + area + "-" + year.get() + "-v" + f.version()
        + (kind.suffix().contains(".") ? "-" + kind.suffix() : "." + kind.suffix());
    return ResponseEntity.ok().contentType(kind.type()).contentLength(f.content().length)
        .header(HttpHeaders.CONTENT_DISPOSITION, (kind.attachment() ? ContentDisposition.attachment()
            : ContentDisposition.inline()).filename(name).build().toString())
        .eTag(f.etag()).cacheControl(REVALIDATE).body(f.content());
  }

  private static Optional<Integer> year(String area, String fiscalYear) {
    return PublicPaths.municipality(area) ? PublicPaths.year(fiscalYear) : Optional.empty();
  }

  /** Every member's inventory year, stacked by sector: what each member contributes to the area's total. */
  private String membersChart(AreaCompilation c) {
    var counted = c.members().stream().filter(m -> !m.missing()).toList();
    var series = new LinkedHashMap<String, List<Object>>();
    c.sectors().forEach(s -> series.put(s.label(), counted.stream().map(m -> (Object) m.bySector().get(s.label())).toList()));
    return charts.bars(c.inventoryYear() + "年度 市町村別・部門別の排出量（t-CO2）",
        counted.stream().map(AreaCompilation.MemberEmissions::name).toList(), series, true);
  }

  private String progressChart(AreaCompilation c) {
    var counts = c.progressCounts();
    return charts.bars("共通施策の進捗状況（市町村ごとの自己評価）", List.copyOf(counts.keySet()),
        java.util.Map.of("件数", List.<Object>copyOf(counts.values())), false);
  }
}

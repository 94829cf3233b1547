package jp.climatepdca.publication;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The public pages, without login: only published report versions, rendered from their frozen snapshot.
 * Anything else (a draft, an approved but unpublished version, another year or municipality, a guessed
 * version, a malformed path) is the same plain 404, so nothing tells what exists unpublished.
 */
@Controller
class PublicReportController {

  private static final String NOT_FOUND = "public/not-found";
  private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

  private final AnnualReportService reports;
  private final ReportCharts charts;
  private final ReportPdf pdf;
  private final ObjectMapper json;

  PublicReportController(AnnualReportService reports, ReportCharts charts, ReportPdf pdf, ObjectMapper json) {
    this.reports = reports;
    this.charts = charts;
    this.pdf = pdf;
    this.json = json;
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
      @PathVariable(required = false) String version) {
    return download(find(municipality, year, version), MediaType.APPLICATION_PDF, "pdf", false, pdf::render);
  }

  @GetMapping({"/public/{municipality}/{year}/report.json", "/public/{municipality}/{year}/versions/{version}/report.json"})
  ResponseEntity<byte[]> json(@PathVariable String municipality, @PathVariable String year,
      @PathVariable(required = false) String version) {
    return download(find(municipality, year, version), MediaType.APPLICATION_JSON, "json", false, this::json);
  }

  @GetMapping({"/public/{municipality}/{year}/{table:measures|emissions|indicators}.csv",
      "/public/{municipality}/{year}/versions/{version}/{table:measures|emissions|indicators}.csv"})
  ResponseEntity<byte[]> csv(@PathVariable String municipality, @PathVariable String year,
      @PathVariable(required = false) String version, @PathVariable String table) {
    Function<PublishedReport, byte[]> writer = switch (table) {
      case "measures" -> r -> ReportCsv.measures(r.content());
      case "emissions" -> r -> ReportCsv.emissions(r.content());
      default -> r -> ReportCsv.indicators(r.content());
    };
    return download(find(municipality, year, version), CSV, table + ".csv", true, writer);
  }

  private Optional<PublishedReport> find(String municipality, String year, String version) {
    if (!PublicPaths.municipality(municipality)) {
      return Optional.empty();
    }
    return PublicPaths.year(year).flatMap(y -> version == null ? reports.published(municipality, y)
        : PublicPaths.version(version).flatMap(v -> reports.published(municipality, y, v)));
  }

  private String page(Optional<PublishedReport> found, Model model, HttpServletResponse response) {
    if (found.isEmpty()) {
      return notFound(response);
    }
    var report = found.get();
    model.addAttribute("report", report);
    model.addAttribute("c", report.content());
    model.addAttribute("fiscalYears", new FiscalYears());
    model.addAttribute("trendChart", charts.emissionsTrend(report.content()));
    model.addAttribute("sectorChart", charts.sectors(report.content()));
    model.addAttribute("progressChart", charts.progress(report.content()));
    model.addAttribute("indicatorChart", charts.indicatorGrades(report.content()));
    model.addAttribute("base", "/public/" + report.content().municipality() + "/" + report.content().fiscalYear()
        + (report.latest() ? "" : "/versions/" + report.version()));
    return "public/report";
  }

  private static String notFound(HttpServletResponse response) {
    response.setStatus(HttpStatus.NOT_FOUND.value());
    return NOT_FOUND;
  }

  private static ResponseEntity<byte[]> download(Optional<PublishedReport> found, MediaType type, String extension,
      boolean attachment, Function<PublishedReport, byte[]> body) {
    if (found.isEmpty()) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
          .body("公表されていません".getBytes(StandardCharsets.UTF_8));
    }
    var r = found.get();
    var name = "annual-report-" + r.content().municipality() + "-" + r.content().fiscalYear() + "-v" + r.version()
        + (extension.contains(".") ? "-" + extension : "." + extension);
    var disposition = (attachment ? ContentDisposition.attachment() : ContentDisposition.inline()).filename(name).build();
    return ResponseEntity.ok().contentType(type).header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
        .body(body.apply(r));
  }

  private byte[] json(PublishedReport report) {
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

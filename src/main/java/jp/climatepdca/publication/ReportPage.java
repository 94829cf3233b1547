package jp.climatepdca.publication;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The report's page (template public/report) for a published version and for the draft preview alike, so
 * the preview is the page as it will be published; only {@code base}, where its downloads are, differs.
 */
@Component
class ReportPage {

  static final String TEMPLATE = "public/report";

  private final ReportCharts charts;

  ReportPage(ReportCharts charts) {
    this.charts = charts;
  }

  String show(PublishedReport report, String base, Model model) {
    model.addAttribute("report", report);
    model.addAttribute("c", report.content());
    model.addAttribute("fiscalYears", new FiscalYears());
    model.addAttribute("trendChart", charts.emissionsTrend(report.content()));
    model.addAttribute("sectorChart", charts.sectors(report.content()));
    model.addAttribute("progressChart", charts.progress(report.content()));
    model.addAttribute("indicatorChart", charts.indicatorGrades(report.content()));
    model.addAttribute("base", base);
    return TEMPLATE;
  }
}

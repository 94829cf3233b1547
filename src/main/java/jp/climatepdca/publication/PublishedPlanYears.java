package jp.climatepdca.publication;

import java.util.List;
import jp.climatepdca.cycle.CycleSchedule;
import jp.climatepdca.plan.ClosedPlanYears;
import org.springframework.stereotype.Component;

/** A year whose annual report was published is closed: its public pages show what it was graded against. */
@Component
class PublishedPlanYears implements ClosedPlanYears {

  private final AnnualReportRepository reports;
  private final CycleSchedule schedule;

  PublishedPlanYears(AnnualReportRepository reports, CycleSchedule schedule) {
    this.reports = reports;
    this.schedule = schedule;
  }

  @Override
  public List<ClosedYear> closedYears(String municipality) {
    return reports.findByMunicipalityCodeAndStatusOrderByFiscalYearAscVersionDesc(municipality, ReportStatus.PUBLISHED)
        .stream().map(AnnualReport::fiscalYear).distinct()
        .map(year -> new ClosedYear(schedule.reviewYear(year), year, "年次報告書を公表済み")).toList();
  }
}

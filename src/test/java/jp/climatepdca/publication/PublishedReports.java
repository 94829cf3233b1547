package jp.climatepdca.publication;

import java.util.Map;
import jp.climatepdca.publication.ReportSnapshot.ReportRequest;
import org.springframework.context.ApplicationContext;

/**
 * A municipality's annual report of a year prepared, approved and published through the service the
 * publication BPMN's listeners call, for tests of other features that link to a published report.
 */
public final class PublishedReports {

  private PublishedReports() {}

  public static void publish(ApplicationContext context, String municipality, int fiscalYear, String summary) {
    var reports = context.getBean(AnnualReportService.class);
    reports.prepare(new ReportRequest(municipality, fiscalYear, fiscalYear - 1, fiscalYear - 2, summary, null), Map.of(),
        "jimukyoku");
    reports.approve(municipality, fiscalYear, "honbu");
    reports.publish(municipality, fiscalYear, "jimukyoku");
  }
}

package jp.climatepdca.publication;

import java.util.Map;
import jp.climatepdca.publication.ReportSnapshot.ReportRequest;

/** An annual report prepared and not published, as the secretariat's preparation task leaves it (tests of other packages). */
public final class DraftReport {

  private DraftReport() {}

  public static void prepare(AnnualReportService reports, String municipality, int fiscalYear, String user) {
    reports.prepare(new ReportRequest(municipality, fiscalYear, fiscalYear - 1, fiscalYear - 2, "未公表の下書き", null),
        Map.of(), user);
  }
}

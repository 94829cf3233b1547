package jp.climatepdca.area;

import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;

/** The stored downloads of a published area report (area_report_file.kind is the constant's name). */
enum AreaReportFile {
  PDF(MediaType.APPLICATION_PDF, "pdf", false),
  /** Every member's emissions by sector and gas: the members' contribution. */
  CSV(csv(), "csv", true),
  /** Every shared measure's progress by member. */
  MEASURES_CSV(csv(), "measures.csv", true),
  /** The area's indicators with kind, targets, actual, grade and its basis (reports published since they are graded). */
  INDICATORS_CSV(csv(), "indicators.csv", true);

  private final MediaType type;
  private final String suffix;
  private final boolean attachment;

  AreaReportFile(MediaType type, String suffix, boolean attachment) {
    this.type = type;
    this.suffix = suffix;
    this.attachment = attachment;
  }

  // a method, not a constant: the enum's constants are built before its static fields
  private static MediaType csv() {
    return new MediaType("text", "csv", StandardCharsets.UTF_8);
  }

  MediaType type() {
    return type;
  }

  /** What follows the year in the file's name: area-report-demo-area-2026.pdf, …-2026-measures.csv. */
  String suffix() {
    return suffix;
  }

  boolean attachment() {
    return attachment;
  }
}

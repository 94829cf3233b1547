package jp.climatepdca.publication;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.http.MediaType;

/**
 * The downloads of a published version that depend on nothing but the version itself (its frozen snapshot,
 * number and publication date), so they are rendered once and stored (annual_report_file.kind is the
 * {@link #fileName}). The JSON is not one of them: it lists every published version of the year, so a
 * correction changes it.
 */
enum ReportFile {
  PDF("report.pdf", MediaType.APPLICATION_PDF, false),
  MEASURES("measures.csv", csv(), true),
  EMISSIONS("emissions.csv", csv(), true),
  INDICATORS("indicators.csv", csv(), true),
  /** Last year's committee opinions heard after publishing, with this year's responses (PriorOpinions). */
  PRIOR_OPINIONS("prior-opinions.csv", csv(), true),
  /** Accepted citizens' opinions and the town's responses (docs/opinion-triage.md); a header only before them. */
  CITIZEN_OPINIONS("citizen-opinions.csv", csv(), true);

  private final String fileName;
  private final MediaType type;
  private final boolean attachment;

  ReportFile(String fileName, MediaType type, boolean attachment) {
    this.fileName = fileName;
    this.type = type;
    this.attachment = attachment;
  }

  // a method, not a constant: the enum's constants are built before its static fields
  private static MediaType csv() {
    return new MediaType("text", "csv", StandardCharsets.UTF_8);
  }

  static Optional<ReportFile> named(String fileName) {
    return Arrays.stream(values()).filter(f -> f.fileName.equals(fileName)).findFirst();
  }

  String fileName() {
    return fileName;
  }

  MediaType type() {
    return type;
  }

  /** CSV is saved (Excel opens it), the PDF is shown in the browser. */
  boolean attachment() {
    return attachment;
  }
}

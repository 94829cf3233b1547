package jp.climatepdca.publication;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * A published version of an annual report with the list of every published version of its year (newest
 * first), each reachable on its own. Public because the page templates read it.
 */
public record PublishedReport(ReportContent content, int version, Instant publishedAt, boolean latest,
    List<VersionInfo> versions) {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日").withZone(ZoneId.of("Asia/Tokyo"));

  /** The day of publication as a Japanese reader writes it, in Japan's time zone. */
  public String publishedOn() {
    return DAY.format(publishedAt);
  }

  public record VersionInfo(int version, Instant publishedAt, String changeNote) {

    public String publishedOn() {
      return DAY.format(publishedAt);
    }
  }
}

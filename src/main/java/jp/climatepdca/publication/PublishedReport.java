package jp.climatepdca.publication;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * A published version of an annual report with the list of every published version of its year (newest
 * first), each reachable on its own. Public because the page templates read it. The draft preview shows a
 * version on its way in the same shape, with no publication date yet ({@link #draft()}).
 */
public record PublishedReport(ReportContent content, int version, Instant publishedAt, boolean latest,
    List<VersionInfo> versions) {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日").withZone(ZoneId.of("Asia/Tokyo"));
  /** What a draft shows where the publication date will be. */
  static final String UNPUBLISHED = "下書き・未公表";

  /** A version not yet published: the preview of 公表の承認 and 公表, never a public page. */
  public boolean draft() {
    return publishedAt == null;
  }

  /** The day of publication as a Japanese reader writes it, in Japan's time zone. */
  public String publishedOn() {
    return draft() ? UNPUBLISHED : DAY.format(publishedAt);
  }

  public record VersionInfo(int version, Instant publishedAt, String changeNote) {

    public String publishedOn() {
      return publishedAt == null ? UNPUBLISHED : DAY.format(publishedAt);
    }
  }
}

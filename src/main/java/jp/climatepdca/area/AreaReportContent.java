package jp.climatepdca.area;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The frozen snapshot of a published area annual report (area_report.content): the compilation as the
 * liaison meeting saw it (every member's emissions and every shared measure's progress by member, the key
 * projects), the area's indicators, and the records of the year's meetings. Copied values only, so the public
 * page, PDF and CSV never change with the live data. Public because the page templates read it.
 *
 * <p>{@code meetings} holds what the area's meetings recorded for the year, as far as this application keeps it
 * in a table the report can read; empty lists where nothing is recorded (see docs/area-report.md).
 */
public record AreaReportContent(String area, String areaName, int fiscalYear, int version, Instant publishedAt,
    AreaCompilation compilation, List<IndicatorEntry> indicators, Meetings meetings) {

  public AreaReportContent {
    indicators = indicators == null ? List.of() : indicators;
    meetings = meetings == null ? Meetings.NONE : meetings;
  }

  private static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter
      .ofPattern("yyyy年M月d日").withZone(java.time.ZoneId.of("Asia/Tokyo"));

  /** The day of publication as a Japanese reader writes it, in Japan's time zone (not a getter: not in the JSON). */
  public String publishedOn() {
    return DAY.format(publishedAt);
  }

  /**
   * An area indicator with its target; {@code actualValue} of {@code actualYear} where the compilation gives
   * it (the area's GHG emissions, for an indicator of the whole plan in t-CO2, 千t-CO2 or 万t-CO2), else null.
   */
  public record IndicatorEntry(String code, String name, String unit, String measure, String directionLabel,
      int baseYear, BigDecimal baseValue, int targetYear, BigDecimal targetValue, Integer actualYear,
      BigDecimal actualValue, BigDecimal changeFromBasePercent) {}

  /** The year's meetings: the liaison meeting's minutes and decisions, the committee's opinions with responses. */
  public record Meetings(String liaisonMinutes, List<String> liaisonDecisions, List<Opinion> committeeOpinions) {

    static final Meetings NONE = new Meetings(null, List.of(), List.of());

    public Meetings {
      liaisonDecisions = liaisonDecisions == null ? List.of() : liaisonDecisions;
      committeeOpinions = committeeOpinions == null ? List.of() : committeeOpinions;
    }

    /** Whether anything is recorded (not a getter: the JSON keeps the fields alone). */
    public boolean anyRecorded() {
      return liaisonMinutes != null || !liaisonDecisions.isEmpty() || !committeeOpinions.isEmpty();
    }
  }

  /** An opinion of the committee (意見聴取委員会) and the area's response to it. */
  public record Opinion(String subject, String opinion, String response) {}
}

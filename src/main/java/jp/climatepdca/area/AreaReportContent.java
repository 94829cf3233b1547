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
   * Since area indicators are graded (docs/indicators.md): its kind, every target, the grade, what the grade
   * compared with and the data-age note; all null in a report frozen before, which prints as it did.
   * {@code baseValue} and the last target ({@code targetYear}, {@code targetValue}) are null for a kind without.
   */
  public record IndicatorEntry(String code, String name, String unit, String measure, String directionLabel,
      int baseYear, BigDecimal baseValue, Integer targetYear, BigDecimal targetValue, Integer actualYear,
      BigDecimal actualValue, BigDecimal changeFromBasePercent, String kindLabel, String targetsLabel,
      String gradeLabel, String comparedLabel, String staleNote) {}

  /** Whether the indicators carry grades (not a getter: not in the JSON). */
  public boolean indicatorsGraded() {
    return indicators.stream().anyMatch(i -> i.gradeLabel() != null);
  }

  /**
   * The year's meetings: the liaison meeting (its day, attendance, minutes and decisions, the member it returned),
   * the committee's opinions with the area's responses, the area's Action per shared measure, and the members'
   * staff meetings and working groups of the year. Fields added after the first published versions are empty
   * (never null) when an older snapshot is read.
   */
  public record Meetings(String liaisonMinutes, List<String> liaisonDecisions, List<Opinion> committeeOpinions,
      String liaisonHeldOn, List<Attendance> liaisonAttendance, List<ReturnedMember> returnedMembers,
      List<ActionEntry> actions, StaffMeetingRecords staffMeetings) {

    static final Meetings NONE = new Meetings(null, List.of(), List.of(), null, List.of(), List.of(), List.of(), null);

    public Meetings {
      liaisonDecisions = liaisonDecisions == null ? List.of() : liaisonDecisions;
      committeeOpinions = committeeOpinions == null ? List.of() : committeeOpinions;
      liaisonAttendance = liaisonAttendance == null ? List.of() : liaisonAttendance;
      returnedMembers = returnedMembers == null ? List.of() : returnedMembers;
      actions = actions == null ? List.of() : actions;
    }

    /** Whether anything is recorded (not a getter: the JSON keeps the fields alone). */
    public boolean anyRecorded() {
      return liaisonMinutes != null || !liaisonDecisions.isEmpty() || !committeeOpinions.isEmpty()
          || !actions.isEmpty() || anyStaffMeeting();
    }

    /** Whether the year had a staff meeting or a working group (not a getter). */
    public boolean anyStaffMeeting() {
      return staffMeetings != null && (!staffMeetings.meetings().isEmpty() || !staffMeetings.workingGroups().isEmpty());
    }

    /** How many members attended the liaison meeting, of how many (not a getter). */
    public String attendedLabel() {
      return liaisonAttendance.stream().filter(Attendance::attended).count() + "/" + liaisonAttendance.size() + "団体";
    }
  }

  /** A member at the liaison meeting: whether it attended, and who. */
  public record Attendance(String municipality, String name, boolean attended, String attendee) {}

  /** A member whose result the liaison meeting returned, the comment, and whether it handed in again. */
  public record ReturnedMember(String municipality, String name, String comment, boolean resubmitted) {}

  /** The area's Action on one shared measure (継続・修正して継続・廃止) with its reason. */
  public record ActionEntry(String measureCode, String measureName, boolean keyProject, String decision,
      String decisionLabel, String reason) {}

  /** An opinion of the committee (意見聴取委員会) and the area's response to it. */
  public record Opinion(String subject, String opinion, String response) {}
}

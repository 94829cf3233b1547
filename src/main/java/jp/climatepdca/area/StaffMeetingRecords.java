package jp.climatepdca.area;

import java.time.LocalDate;
import java.util.List;

/**
 * An area's staff meetings of one fiscal year and the theme working groups that existed in it, as the area's
 * annual report and {@code GET /api/areas/{area}/staff-meetings} show them. Dates are ISO days; labels Japanese.
 */
public record StaffMeetingRecords(String area, String areaName, int fiscalYear, List<Meeting> meetings,
    List<WorkingGroupRecord> workingGroups) {

  public StaffMeetingRecords {
    meetings = List.copyOf(meetings);
    workingGroups = List.copyOf(workingGroups);
  }

  /**
   * One meeting: {@code number} counts the area's meetings of the fiscal year (第n回); {@code attended} is how
   * many member municipalities came, of {@code attendance.size()}; {@code workingGroupTheme} names the working
   * group it set up, if any.
   */
  public record Meeting(int number, String businessKey, String title, StaffMeetingState state, String stateLabel,
      LocalDate plannedOn, String place, LocalDate heldOn, List<AgendaItem> agenda, List<Attendance> attendance,
      int attended, String minutes, List<String> decisions, String workingGroupTheme) {

    public Meeting {
      agenda = List.copyOf(agenda);
      attendance = List.copyOf(attendance);
      decisions = List.copyOf(decisions);
    }
  }

  public record AgendaItem(String title, String materials) {}

  public record Attendance(String municipality, String municipalityName, boolean attended, String attendees) {}

  /**
   * A theme working group: its members, set-up and planned dissolution dates (after every extension), the
   * day it was dissolved and its report (null while it works), and the meeting that set it up.
   */
  public record WorkingGroupRecord(String theme, String purpose, List<Member> members, LocalDate setUpOn,
      LocalDate plannedDissolutionOn, LocalDate dissolvedOn, WorkingGroupState state, String stateLabel,
      String report, int setUpByFiscalYear, int setUpByMeetingNumber, String setUpByMeetingTitle,
      List<Extension> extensions) {

    public WorkingGroupRecord {
      members = List.copyOf(members);
      extensions = List.copyOf(extensions);
    }
  }

  public record Member(String municipality, String name) {}

  /** A postponed dissolution: from which planned day to which, and why. */
  public record Extension(LocalDate previousPlannedOn, LocalDate plannedOn, String reason) {}
}

package jp.climatepdca.area;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** One staff meeting of an area (担当者会議): its agenda, who attended for each member, minutes, decisions. */
@Entity
@Table(name = "area_staff_meeting")
class StaffMeeting {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "area_code")
  private String areaCode;

  @Column(name = "fiscal_year")
  private int fiscalYear;

  @Column(name = "meeting_number")
  private int number;

  @Column(name = "business_key")
  private String businessKey;

  @Column(name = "process_instance_id")
  private String processInstanceId;

  private String title;

  @Enumerated(EnumType.STRING)
  private StaffMeetingState state;

  @Column(name = "planned_on")
  private LocalDate plannedOn;

  private String place;

  @Column(name = "held_on")
  private LocalDate heldOn;

  private String minutes;

  @Column(name = "started_by")
  private String startedBy;

  @Column(name = "started_at")
  private Instant startedAt;

  @Column(name = "prepared_by")
  private String preparedBy;

  @Column(name = "prepared_at")
  private Instant preparedAt;

  @Column(name = "recorded_by")
  private String recordedBy;

  @Column(name = "recorded_at")
  private Instant recordedAt;

  @ElementCollection
  @CollectionTable(name = "area_staff_meeting_agenda", joinColumns = @JoinColumn(name = "meeting_id"))
  @OrderColumn(name = "position")
  private List<AgendaItem> agenda = new ArrayList<>();

  @ElementCollection
  @CollectionTable(name = "area_staff_meeting_attendance", joinColumns = @JoinColumn(name = "meeting_id"))
  @OrderColumn(name = "position")
  private List<Attendance> attendance = new ArrayList<>();

  @ElementCollection
  @CollectionTable(name = "area_staff_meeting_decision", joinColumns = @JoinColumn(name = "meeting_id"))
  @OrderColumn(name = "position")
  @Column(name = "decision")
  private List<String> decisions = new ArrayList<>();

  protected StaffMeeting() {}

  StaffMeeting(StaffMeetingKey key, String title, String startedBy, Instant startedAt) {
    this.areaCode = key.area();
    this.fiscalYear = key.fiscalYear();
    this.number = key.number();
    this.businessKey = key.businessKey();
    this.title = title;
    this.state = StaffMeetingState.CALLED;
    this.startedBy = startedBy;
    this.startedAt = startedAt;
  }

  void started(String processInstanceId) {
    this.processInstanceId = processInstanceId;
  }

  /** The agenda may be prepared again until the meeting is recorded: the last version counts. */
  void prepare(LocalDate plannedOn, String place, List<AgendaItem> agenda, String by, Instant at) {
    this.plannedOn = plannedOn;
    this.place = place;
    this.agenda.clear();
    this.agenda.addAll(agenda);
    this.state = StaffMeetingState.SCHEDULED;
    this.preparedBy = by;
    this.preparedAt = at;
  }

  void record(LocalDate heldOn, List<Attendance> attendance, String minutes, List<String> decisions, String by,
      Instant at) {
    this.heldOn = heldOn;
    this.attendance.clear();
    this.attendance.addAll(attendance);
    this.minutes = minutes;
    this.decisions.clear();
    this.decisions.addAll(decisions);
    this.state = StaffMeetingState.HELD;
    this.recordedBy = by;
    this.recordedAt = at;
  }

  Long id() {
    return id;
  }

  String areaCode() {
    return areaCode;
  }

  int fiscalYear() {
    return fiscalYear;
  }

  int number() {
    return number;
  }

  String title() {
    return title;
  }

  StaffMeetingState state() {
    return state;
  }

  LocalDate plannedOn() {
    return plannedOn;
  }

  String place() {
    return place;
  }

  LocalDate heldOn() {
    return heldOn;
  }

  String minutes() {
    return minutes;
  }

  String recordedBy() {
    return recordedBy;
  }

  List<AgendaItem> agenda() {
    return List.copyOf(agenda);
  }

  List<Attendance> attendance() {
    return List.copyOf(attendance);
  }

  List<String> decisions() {
    return List.copyOf(decisions);
  }

  /** An agenda item (議題) with the materials prepared for it (資料名・保存場所). */
  @Embeddable
  static class AgendaItem {

    private String title;
    private String materials;

    protected AgendaItem() {}

    AgendaItem(String title, String materials) {
      this.title = title;
      this.materials = materials;
    }

    String title() {
      return title;
    }

    String materials() {
      return materials;
    }
  }

  /** Whether a member municipality attended, and who came for it. */
  @Embeddable
  static class Attendance {

    @Column(name = "municipality_code")
    private String municipalityCode;

    private boolean attended;

    private String attendees;

    protected Attendance() {}

    Attendance(String municipalityCode, boolean attended, String attendees) {
      this.municipalityCode = municipalityCode;
      this.attended = attended;
      this.attendees = attendees;
    }

    String municipalityCode() {
      return municipalityCode;
    }

    boolean attended() {
      return attended;
    }

    String attendees() {
      return attendees;
    }
  }
}

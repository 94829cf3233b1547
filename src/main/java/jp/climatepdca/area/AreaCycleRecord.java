package jp.climatepdca.area;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** What the area's year recorded: the agenda summary, the liaison meeting, the report's approval. */
@Entity
@Table(name = "area_cycle_record")
class AreaCycleRecord {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "area_code")
  private String areaCode;

  @Column(name = "fiscal_year")
  private int fiscalYear;

  @Column(name = "agenda_summary")
  private String agendaSummary;

  /** The attendance rows as JSON ({@code [{"municipality","name","attended","attendee"}]}). */
  @Column(name = "liaison_attendance")
  private String liaisonAttendance;

  @Column(name = "liaison_minutes")
  private String liaisonMinutes;

  @Column(name = "liaison_decisions")
  private String liaisonDecisions;

  @Column(name = "liaison_held_by")
  private String liaisonHeldBy;

  @Column(name = "liaison_held_at")
  private Instant liaisonHeldAt;

  @Column(name = "approved_by")
  private String approvedBy;

  @Column(name = "approved_at")
  private Instant approvedAt;

  @Column(name = "approval_note")
  private String approvalNote;

  protected AreaCycleRecord() {}

  AreaCycleRecord(String areaCode, int fiscalYear) {
    this.areaCode = areaCode;
    this.fiscalYear = fiscalYear;
  }

  void agenda(String summary) {
    agendaSummary = summary;
  }

  void liaisonMeeting(String attendanceJson, String minutes, String decisions, String by, Instant at) {
    liaisonAttendance = attendanceJson;
    liaisonMinutes = minutes;
    liaisonDecisions = decisions;
    liaisonHeldBy = by;
    liaisonHeldAt = at;
  }

  void approved(String note, String by, Instant at) {
    approvalNote = note;
    approvedBy = by;
    approvedAt = at;
  }

  String agendaSummary() {
    return agendaSummary;
  }

  String liaisonAttendance() {
    return liaisonAttendance;
  }

  String liaisonMinutes() {
    return liaisonMinutes;
  }

  String liaisonDecisions() {
    return liaisonDecisions;
  }

  Instant liaisonHeldAt() {
    return liaisonHeldAt;
  }

  String approvedBy() {
    return approvedBy;
  }

  Instant approvedAt() {
    return approvedAt;
  }

  String approvalNote() {
    return approvalNote;
  }
}

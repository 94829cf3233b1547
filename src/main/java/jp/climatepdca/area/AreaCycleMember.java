package jp.climatepdca.area;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A member's place in an area cycle (table area_cycle_member): how it joined, when it handed in, what the
 * secretariat decided when it was late, and the liaison meeting's return. The one truth the member's own
 * cycle asks whether to hand its result to the area.
 */
@Entity
@Table(name = "area_cycle_member")
class AreaCycleMember {

  enum Joined { STARTED, ADOPTED }

  enum LateDecision {
    REMIND("督促済み"), PROCEED_WITHOUT("提出を待たずに進行");

    private final String label;

    LateDecision(String label) {
      this.label = label;
    }

    String label() {
      return label;
    }
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "area_code")
  private String areaCode;

  @Column(name = "fiscal_year")
  private int fiscalYear;

  @Column(name = "municipality_code")
  private String municipalityCode;

  private int position;

  @Enumerated(EnumType.STRING)
  @Column(name = "joined_how")
  private Joined joinedHow;

  @Column(name = "joined_at")
  private Instant joinedAt;

  @Column(name = "member_process_instance_id")
  private String memberProcessInstanceId;

  @Column(name = "result_submitted_at")
  private Instant resultSubmittedAt;

  private int submissions;

  @Column(name = "reminder_deadline")
  private LocalDate reminderDeadline;

  @Enumerated(EnumType.STRING)
  @Column(name = "late_decision")
  private LateDecision lateDecision;

  @Column(name = "late_note")
  private String lateNote;

  @Column(name = "late_decided_by")
  private String lateDecidedBy;

  @Column(name = "late_decided_at")
  private Instant lateDecidedAt;

  @Column(name = "returned_comment")
  private String returnedComment;

  @Column(name = "returned_by")
  private String returnedBy;

  @Column(name = "returned_at")
  private Instant returnedAt;

  @Column(name = "decisions_sent_at")
  private Instant decisionsSentAt;

  protected AreaCycleMember() {}

  AreaCycleMember(String areaCode, int fiscalYear, String municipalityCode, int position, Joined joinedHow,
      String memberProcessInstanceId, Instant joinedAt) {
    this.areaCode = areaCode;
    this.fiscalYear = fiscalYear;
    this.municipalityCode = municipalityCode;
    this.position = position;
    this.joinedHow = joinedHow;
    this.memberProcessInstanceId = memberProcessInstanceId;
    this.joinedAt = joinedAt;
  }

  /** Handed in (again, after a return: the return is then settled). */
  void submitted(Instant at) {
    resultSubmittedAt = at;
    submissions++;
  }

  void reminded(LocalDate newDeadline, String note, String by, Instant at) {
    reminderDeadline = newDeadline;
    late(LateDecision.REMIND, note, by, at);
  }

  void proceededWithout(String note, String by, Instant at) {
    late(LateDecision.PROCEED_WITHOUT, note, by, at);
  }

  private void late(LateDecision decision, String note, String by, Instant at) {
    lateDecision = decision;
    lateNote = note;
    lateDecidedBy = by;
    lateDecidedAt = at;
  }

  /** Returned by the liaison meeting: its submission no longer counts until it hands in again. */
  void returned(String comment, String by, Instant at) {
    returnedComment = comment;
    returnedBy = by;
    returnedAt = at;
    resultSubmittedAt = null;
  }

  void decisionsSent(Instant at) {
    decisionsSentAt = at;
  }

  String areaCode() {
    return areaCode;
  }

  int fiscalYear() {
    return fiscalYear;
  }

  String municipalityCode() {
    return municipalityCode;
  }

  Joined joinedHow() {
    return joinedHow;
  }

  Instant joinedAt() {
    return joinedAt;
  }

  String memberProcessInstanceId() {
    return memberProcessInstanceId;
  }

  Instant resultSubmittedAt() {
    return resultSubmittedAt;
  }

  boolean submitted() {
    return resultSubmittedAt != null;
  }

  int submissions() {
    return submissions;
  }

  LocalDate reminderDeadline() {
    return reminderDeadline;
  }

  LateDecision lateDecision() {
    return lateDecision;
  }

  boolean proceededWithout() {
    return lateDecision == LateDecision.PROCEED_WITHOUT;
  }

  String lateNote() {
    return lateNote;
  }

  String returnedComment() {
    return returnedComment;
  }

  Instant returnedAt() {
    return returnedAt;
  }

  /** Returned and not yet handed in again. */
  boolean awaitingResubmission() {
    return returnedAt != null && resultSubmittedAt == null;
  }

  Instant decisionsSentAt() {
    return decisionsSentAt;
  }
}

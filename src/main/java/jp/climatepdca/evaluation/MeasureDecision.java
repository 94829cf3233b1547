package jp.climatepdca.evaluation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The Action decision for one measure in one fiscal year; the rows over the years are its history. */
@Entity
@Table(name = "measure_decision")
class MeasureDecision {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "municipality_code")
  private String municipalityCode;

  @Column(name = "fiscal_year")
  private int fiscalYear;

  @Column(name = "measure_code")
  private String measureCode;

  @Enumerated(EnumType.STRING)
  private ActionDecision decision;

  private String note;

  @Column(name = "decided_by")
  private String decidedBy;

  @Column(name = "decided_at")
  private Instant decidedAt;

  /** The area whose decision this is (its Action on the shared measure this measure carries); null: the member's own. */
  @Column(name = "area_code")
  private String areaCode;

  /** What the member had decided before the area's decision replaced it (its Action step ran first). */
  @Enumerated(EnumType.STRING)
  @Column(name = "replaced_decision")
  private ActionDecision replacedDecision;

  @Column(name = "replaced_note")
  private String replacedNote;

  @Column(name = "replaced_by")
  private String replacedBy;

  protected MeasureDecision() {}

  MeasureDecision(String municipalityCode, int fiscalYear, String measureCode, ActionDecision decision, String note,
      String decidedBy, Instant decidedAt) {
    this.municipalityCode = municipalityCode;
    this.fiscalYear = fiscalYear;
    this.measureCode = measureCode;
    this.decision = decision;
    this.note = note;
    this.decidedBy = decidedBy;
    this.decidedAt = decidedAt;
  }

  MeasureDecision(String municipalityCode, int fiscalYear, String measureCode, ActionDecision decision, String note,
      String decidedBy, Instant decidedAt, String areaCode) {
    this(municipalityCode, fiscalYear, measureCode, decision, note, decidedBy, decidedAt);
    this.areaCode = areaCode;
  }

  /**
   * The area's decision replaces the member's own, made before the area decided; the member's is kept beside
   * it for the history.
   */
  void replaceByArea(ActionDecision decision, String note, String areaCode, String decidedBy, Instant decidedAt) {
    this.replacedDecision = this.decision;
    this.replacedNote = this.note;
    this.replacedBy = this.decidedBy;
    this.decision = decision;
    this.note = note;
    this.areaCode = areaCode;
    this.decidedBy = decidedBy;
    this.decidedAt = decidedAt;
  }

  String measureCode() {
    return measureCode;
  }

  String areaCode() {
    return areaCode;
  }

  MeasureDecisionView view() {
    return new MeasureDecisionView(fiscalYear, measureCode, decision, note, decidedBy, decidedAt, areaCode,
        replacedDecision == null ? null : new MeasureDecisionView.Replaced(replacedDecision, replacedNote, replacedBy));
  }
}

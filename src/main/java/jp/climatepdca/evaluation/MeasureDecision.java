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

  MeasureDecisionView view() {
    return new MeasureDecisionView(fiscalYear, measureCode, decision, note, decidedBy, decidedAt);
  }
}

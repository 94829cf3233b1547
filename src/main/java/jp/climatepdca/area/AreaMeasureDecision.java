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

/** The area's Action for one shared measure in one fiscal year. */
@Entity
@Table(name = "area_measure_decision")
class AreaMeasureDecision {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "area_code")
  private String areaCode;

  @Column(name = "fiscal_year")
  private int fiscalYear;

  @Column(name = "measure_code")
  private String measureCode;

  @Enumerated(EnumType.STRING)
  private AreaAction decision;

  private String reason;

  @Column(name = "decided_by")
  private String decidedBy;

  @Column(name = "decided_at")
  private Instant decidedAt;

  protected AreaMeasureDecision() {}

  AreaMeasureDecision(String areaCode, int fiscalYear, String measureCode) {
    this.areaCode = areaCode;
    this.fiscalYear = fiscalYear;
    this.measureCode = measureCode;
  }

  void decide(AreaAction decision, String reason, String by, Instant at) {
    this.decision = decision;
    this.reason = reason;
    this.decidedBy = by;
    this.decidedAt = at;
  }

  String areaCode() {
    return areaCode;
  }

  int fiscalYear() {
    return fiscalYear;
  }

  String measureCode() {
    return measureCode;
  }

  AreaAction decision() {
    return decision;
  }

  String reason() {
    return reason;
  }

  String decidedBy() {
    return decidedBy;
  }

  Instant decidedAt() {
    return decidedAt;
  }
}

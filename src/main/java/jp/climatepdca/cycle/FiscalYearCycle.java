package jp.climatepdca.cycle;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A started cycle; its unique (municipality, fiscal year) refuses a second start even under a race. */
@Entity
@Table(name = "fiscal_year_cycle")
class FiscalYearCycle {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "municipality_code")
  private String municipalityCode;

  @Column(name = "fiscal_year")
  private int fiscalYear;

  @Column(name = "business_key")
  private String businessKey;

  @Column(name = "process_instance_id")
  private String processInstanceId;

  @Column(name = "started_by")
  private String startedBy;

  @Column(name = "started_at")
  private Instant startedAt;

  protected FiscalYearCycle() {}

  FiscalYearCycle(String municipalityCode, int fiscalYear, String businessKey, String processInstanceId,
      String startedBy, Instant startedAt) {
    this.municipalityCode = municipalityCode;
    this.fiscalYear = fiscalYear;
    this.businessKey = businessKey;
    this.processInstanceId = processInstanceId;
    this.startedBy = startedBy;
    this.startedAt = startedAt;
  }

  String municipalityCode() {
    return municipalityCode;
  }

  int fiscalYear() {
    return fiscalYear;
  }

  String processInstanceId() {
    return processInstanceId;
  }

  String businessKey() {
    return businessKey;
  }

  String startedBy() {
    return startedBy;
  }

  Instant startedAt() {
    return startedAt;
  }
}

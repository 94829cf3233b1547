package jp.climatepdca.area;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A started area cycle; its unique (area, fiscal year) refuses a second start even under a race. */
@Entity
@Table(name = "area_cycle")
class AreaCycle {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "area_code")
  private String areaCode;

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

  protected AreaCycle() {}

  AreaCycle(String areaCode, int fiscalYear, String businessKey, String startedBy, Instant startedAt) {
    this.areaCode = areaCode;
    this.fiscalYear = fiscalYear;
    this.businessKey = businessKey;
    this.startedBy = startedBy;
    this.startedAt = startedAt;
  }

  void started(String processInstanceId) {
    this.processInstanceId = processInstanceId;
  }

  String areaCode() {
    return areaCode;
  }

  int fiscalYear() {
    return fiscalYear;
  }

  String businessKey() {
    return businessKey;
  }

  String processInstanceId() {
    return processInstanceId;
  }

  String startedBy() {
    return startedBy;
  }

  Instant startedAt() {
    return startedAt;
  }
}

package jp.climatepdca.plan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** One loaded version of a plan; written once, never changed (see V14__plan_versions.sql). */
@Entity
@Table(name = "plan_version")
class PlanVersion {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "municipality_code")
  private String municipalityCode;

  private int number;

  @Column(name = "first_year")
  private Integer firstYear;

  @Column(name = "last_year")
  private Integer lastYear;

  @Column(name = "effective_year")
  private Integer effectiveYear;

  @Enumerated(EnumType.STRING)
  private PlanReason reason;

  @Column(name = "loaded_by")
  private String loadedBy;

  @Column(name = "loaded_at")
  private Instant loadedAt;

  private String document;

  protected PlanVersion() {}

  PlanVersion(String municipalityCode, int number, Integer firstYear, Integer lastYear, Integer effectiveYear,
      PlanReason reason, String loadedBy, Instant loadedAt, String document) {
    this.municipalityCode = municipalityCode;
    this.number = number;
    this.firstYear = firstYear;
    this.lastYear = lastYear;
    this.effectiveYear = effectiveYear;
    this.reason = reason;
    this.loadedBy = loadedBy;
    this.loadedAt = loadedAt;
    this.document = document;
  }

  Long id() {
    return id;
  }

  int number() {
    return number;
  }

  /** Versions are numbered 1, 2, … without gaps, so the latest is the one numbered as many as there are. */
  boolean isLatestOf(int count) {
    return number == count;
  }

  Integer effectiveYear() {
    return effectiveYear;
  }

  String document() {
    return document;
  }

  PlanVersionKey key() {
    return new PlanVersionKey(id, number, effectiveYear);
  }

  /** {@code all}: the municipality's versions, which decide the plan years this one is in force. */
  PlanVersionView view(List<PlanVersionKey> all) {
    var years = PlanVersionKey.yearsInForce(all, number);
    return new PlanVersionView(number, firstYear, lastYear, effectiveYear, reason.name(), reason.label(), loadedBy,
        loadedAt, years.map(PlanVersionKey.Years::from).orElse(null), years.map(PlanVersionKey.Years::until).orElse(null),
        PlanVersionKey.yearsLabel(all, number, years));
  }
}

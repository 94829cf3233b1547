package jp.climatepdca.plan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The plan file's governance block as normalized JSON (V16). */
@Entity
@Table(name = "plan_governance")
class PlanGovernanceRow {

  @Id
  @Column(name = "municipality_code")
  private String municipalityCode;

  private String document;

  @Column(name = "loaded_at")
  private Instant loadedAt;

  protected PlanGovernanceRow() {}

  PlanGovernanceRow(String municipalityCode) {
    this.municipalityCode = municipalityCode;
  }

  void replace(String document, Instant loadedAt) {
    this.document = document;
    this.loadedAt = loadedAt;
  }

  String document() {
    return document;
  }
}

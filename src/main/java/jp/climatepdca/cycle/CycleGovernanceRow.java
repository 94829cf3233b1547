package jp.climatepdca.cycle;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** The governance a cycle took when it started (V16); a null document: the plan had none. */
@Entity
@Table(name = "cycle_governance")
@IdClass(CycleGovernanceRow.Key.class)
class CycleGovernanceRow {

  @Id
  @Column(name = "municipality_code")
  private String municipalityCode;

  @Id
  @Column(name = "fiscal_year")
  private int fiscalYear;

  private String document;

  @Column(name = "taken_at")
  private Instant takenAt;

  protected CycleGovernanceRow() {}

  CycleGovernanceRow(String municipalityCode, int fiscalYear, String document, Instant takenAt) {
    this.municipalityCode = municipalityCode;
    this.fiscalYear = fiscalYear;
    this.document = document;
    this.takenAt = takenAt;
  }

  String document() {
    return document;
  }

  record Key(String municipalityCode, int fiscalYear) implements Serializable {
    Key() {
      this(null, 0);
    }
  }
}

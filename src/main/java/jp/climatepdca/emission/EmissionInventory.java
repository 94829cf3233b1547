package jp.climatepdca.emission;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One calculated version of a municipality's inventory year. A recalculation adds a version and makes it
 * current; the earlier one stays with its figures and reason.
 */
@Entity
@Table(name = "emission_inventory")
class EmissionInventory {

  enum Status { CALCULATED, ACCEPTED, RETURNED }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "municipality_code")
  private String municipalityCode;

  @Column(name = "inventory_year")
  private int inventoryYear;

  private int version;

  @Column(name = "is_current")
  private boolean current;

  private String reason;

  @Column(name = "upload_id")
  private long uploadId;

  @Enumerated(EnumType.STRING)
  private Status status;

  @Column(name = "review_comment")
  private String reviewComment;

  @Column(name = "created_by")
  private String createdBy;

  @Column(name = "created_at")
  private Instant createdAt;

  protected EmissionInventory() {}

  EmissionInventory(String municipalityCode, int inventoryYear, int version, String reason, long uploadId,
      String createdBy, Instant createdAt) {
    this.municipalityCode = municipalityCode;
    this.inventoryYear = inventoryYear;
    this.version = version;
    this.current = true;
    this.reason = reason;
    this.uploadId = uploadId;
    this.status = Status.CALCULATED;
    this.createdBy = createdBy;
    this.createdAt = createdAt;
  }

  Long id() {
    return id;
  }

  void supersede() {
    current = false;
  }

  /** The secretariat's verification: accepted, or returned to data entry with a comment. */
  void review(boolean accepted, String comment) {
    status = accepted ? Status.ACCEPTED : Status.RETURNED;
    reviewComment = comment;
  }

  VersionView view() {
    return new VersionView(version, current, reason, status.name(), reviewComment, createdBy, createdAt);
  }
}

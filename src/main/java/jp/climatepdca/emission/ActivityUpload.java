package jp.climatepdca.emission;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One upload of activity data; its rows (activity_row, direct_emission) are written in bulk by SQL. */
@Entity
@Table(name = "activity_upload")
class ActivityUpload {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "municipality_code")
  private String municipalityCode;

  @Column(name = "inventory_year")
  private int inventoryYear;

  @Column(name = "row_count")
  private int rowCount;

  /** Why the data is (re)submitted; becomes the reason of the version calculated from it. */
  private String reason;

  @Column(name = "uploaded_by")
  private String uploadedBy;

  @Column(name = "uploaded_at")
  private Instant uploadedAt;

  protected ActivityUpload() {}

  ActivityUpload(String municipalityCode, int inventoryYear, int rowCount, String reason, String uploadedBy,
      Instant uploadedAt) {
    this.municipalityCode = municipalityCode;
    this.inventoryYear = inventoryYear;
    this.rowCount = rowCount;
    this.reason = reason;
    this.uploadedBy = uploadedBy;
    this.uploadedAt = uploadedAt;
  }

  Long id() {
    return id;
  }

  String reason() {
    return reason;
  }

  void giveReason(String reason) {
    this.reason = reason;
  }

  int rowCount() {
    return rowCount;
  }

  String uploadedBy() {
    return uploadedBy;
  }

  Instant uploadedAt() {
    return uploadedAt;
  }
}

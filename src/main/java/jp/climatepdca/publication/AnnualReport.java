package jp.climatepdca.publication;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One version of a fiscal year's annual report; {@code content} is the frozen snapshot as JSON. */
@Entity
@Table(name = "annual_report")
class AnnualReport {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "municipality_code")
  private String municipalityCode;

  @Column(name = "fiscal_year")
  private int fiscalYear;

  private int version;

  @Enumerated(EnumType.STRING)
  private ReportStatus status;

  private String summary;

  @Column(name = "change_note")
  private String changeNote;

  private String content;

  @Column(name = "prepared_by")
  private String preparedBy;

  @Column(name = "prepared_at")
  private Instant preparedAt;

  @Column(name = "approved_by")
  private String approvedBy;

  @Column(name = "approved_at")
  private Instant approvedAt;

  @Column(name = "published_by")
  private String publishedBy;

  @Column(name = "published_at")
  private Instant publishedAt;

  protected AnnualReport() {}

  AnnualReport(String municipalityCode, int fiscalYear, int version) {
    this.municipalityCode = municipalityCode;
    this.fiscalYear = fiscalYear;
    this.version = version;
    this.status = ReportStatus.DRAFT;
  }

  /** (Re)written by the secretariat: a returned draft is frozen again from the data as it is now. */
  void prepare(String summary, String changeNote, String content, String user, Instant now) {
    if (status == ReportStatus.PUBLISHED) {
      throw new IllegalStateException("a published report is never changed: " + municipalityCode + ":" + fiscalYear
          + " v" + version);
    }
    this.summary = summary;
    this.changeNote = changeNote;
    this.content = content;
    this.preparedBy = user;
    this.preparedAt = now;
    this.status = ReportStatus.DRAFT;
    this.approvedBy = null;
    this.approvedAt = null;
  }

  void approve(String user, Instant now) {
    requireStatus(ReportStatus.DRAFT);
    this.status = ReportStatus.APPROVED;
    this.approvedBy = user;
    this.approvedAt = now;
  }

  void publish(String user, Instant now) {
    requireStatus(ReportStatus.APPROVED);
    this.status = ReportStatus.PUBLISHED;
    this.publishedBy = user;
    this.publishedAt = now;
  }

  /** Back to the secretariat: no longer approved. */
  void returnToDraft() {
    requireStatus(ReportStatus.DRAFT, ReportStatus.APPROVED);
    this.status = ReportStatus.DRAFT;
    this.approvedBy = null;
    this.approvedAt = null;
  }

  private void requireStatus(ReportStatus... allowed) {
    for (var s : allowed) {
      if (status == s) {
        return;
      }
    }
    throw new IllegalStateException("annual report " + municipalityCode + ":" + fiscalYear + " v" + version + " is "
        + status);
  }

  AnnualReportService.VersionRecord record() {
    return new AnnualReportService.VersionRecord(version, status.name(), summary, changeNote, preparedBy, preparedAt,
        approvedBy, approvedAt, publishedBy, publishedAt);
  }

  Long id() {
    return id;
  }

  String municipalityCode() {
    return municipalityCode;
  }

  int fiscalYear() {
    return fiscalYear;
  }

  int version() {
    return version;
  }

  ReportStatus status() {
    return status;
  }

  String summary() {
    return summary;
  }

  String changeNote() {
    return changeNote;
  }

  String content() {
    return content;
  }

  Instant publishedAt() {
    return publishedAt;
  }
}

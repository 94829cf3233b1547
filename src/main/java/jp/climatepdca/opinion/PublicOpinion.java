package jp.climatepdca.opinion;

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
 * One opinion posted on the public form. The sender's name and contact are kept for the secretariat only and
 * never published; the client hash only feeds the rate limit. The triage columns are written by the
 * secretariat's triage, never by the form.
 */
@Entity
@Table(name = "public_opinion")
public class PublicOpinion {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "municipality_code")
  private String municipalityCode;

  @Column(name = "fiscal_year")
  private int fiscalYear;

  private String reference;

  @Enumerated(EnumType.STRING)
  @Column(name = "sender_kind")
  private SenderKind senderKind;

  @Column(name = "sender_name")
  private String senderName;

  @Column(name = "sender_contact")
  private String senderContact;

  @Column(name = "measure_code")
  private String measureCode;

  private String body;

  @Column(name = "received_at")
  private Instant receivedAt;

  @Column(name = "client_hash")
  private String clientHash;

  @Enumerated(EnumType.STRING)
  private OpinionStatus status;

  @Column(name = "merged_into_id")
  private Long mergedIntoId;

  @Column(name = "triage_reason")
  private String triageReason;

  @Column(name = "triaged_by")
  private String triagedBy;

  @Column(name = "triaged_at")
  private Instant triagedAt;

  private String response;

  protected PublicOpinion() {}

  PublicOpinion(String municipalityCode, int fiscalYear, String reference, SenderKind senderKind,
      String senderName, String senderContact, String measureCode, String body, Instant receivedAt,
      String clientHash) {
    this.municipalityCode = municipalityCode;
    this.fiscalYear = fiscalYear;
    this.reference = reference;
    this.senderKind = senderKind;
    this.senderName = senderName;
    this.senderContact = senderContact;
    this.measureCode = measureCode;
    this.body = body;
    this.receivedAt = receivedAt;
    this.clientHash = clientHash;
    this.status = OpinionStatus.RECEIVED;
  }

  public Long id() {
    return id;
  }

  public String municipalityCode() {
    return municipalityCode;
  }

  public int fiscalYear() {
    return fiscalYear;
  }

  public String reference() {
    return reference;
  }

  public SenderKind senderKind() {
    return senderKind;
  }

  public String senderName() {
    return senderName;
  }

  public String senderContact() {
    return senderContact;
  }

  public String measureCode() {
    return measureCode;
  }

  public String body() {
    return body;
  }

  public Instant receivedAt() {
    return receivedAt;
  }

  String clientHash() {
    return clientHash;
  }

  public OpinionStatus status() {
    return status;
  }

  public Long mergedIntoId() {
    return mergedIntoId;
  }

  public String triageReason() {
    return triageReason;
  }

  public String triagedBy() {
    return triagedBy;
  }

  public Instant triagedAt() {
    return triagedAt;
  }

  public String response() {
    return response;
  }

  // The triage (OpinionTriageService): only the secretariat's decision writes these columns.

  void accept(String response, String user, Instant at) {
    decided(OpinionStatus.ACCEPTED, null, null, response, user, at);
  }

  void mergeInto(Long targetId, String reason, String user, Instant at) {
    decided(OpinionStatus.MERGED, targetId, reason, null, user, at);
  }

  void reject(String reason, String user, Instant at) {
    decided(OpinionStatus.REJECTED, null, reason, null, user, at);
  }

  private void decided(OpinionStatus status, Long mergedIntoId, String reason, String response, String user,
      Instant at) {
    this.status = status;
    this.mergedIntoId = mergedIntoId;
    this.triageReason = reason;
    this.response = response;
    this.triagedBy = user;
    this.triagedAt = at;
  }

  /** An opinion's fields once checked, before it has a number. */
  record Fields(SenderKind senderKind, String senderName, String senderContact, String measureCode, String body) {

    PublicOpinion toOpinion(String municipalityCode, int fiscalYear, String reference, Instant receivedAt,
        String clientHash) {
      return new PublicOpinion(municipalityCode, fiscalYear, reference, senderKind, senderName, senderContact,
          measureCode, body, receivedAt, clientHash);
    }
  }
}

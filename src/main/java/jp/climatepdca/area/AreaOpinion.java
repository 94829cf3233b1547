package jp.climatepdca.area;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One opinion of the opinion-hearing committee (意見聴取委員会; advisory) and the area's response to it. */
@Entity
@Table(name = "area_opinion")
class AreaOpinion {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "area_code")
  private String areaCode;

  @Column(name = "fiscal_year")
  private int fiscalYear;

  private int position;

  /** A shared measure's code, or null for the plan as a whole. */
  private String subject;

  @Column(name = "committee_member")
  private String committeeMember;

  private String opinion;

  @Column(name = "recorded_by")
  private String recordedBy;

  @Column(name = "recorded_at")
  private Instant recordedAt;

  private String response;

  @Column(name = "responded_by")
  private String respondedBy;

  @Column(name = "responded_at")
  private Instant respondedAt;

  protected AreaOpinion() {}

  AreaOpinion(String areaCode, int fiscalYear, int position, String subject, String committeeMember, String opinion,
      String recordedBy, Instant recordedAt) {
    this.areaCode = areaCode;
    this.fiscalYear = fiscalYear;
    this.position = position;
    this.subject = subject;
    this.committeeMember = committeeMember;
    this.opinion = opinion;
    this.recordedBy = recordedBy;
    this.recordedAt = recordedAt;
  }

  void respond(String text, String by, Instant at) {
    response = text;
    respondedBy = by;
    respondedAt = at;
  }

  Long id() {
    return id;
  }

  String subject() {
    return subject;
  }

  String committeeMember() {
    return committeeMember;
  }

  String opinion() {
    return opinion;
  }

  String response() {
    return response;
  }
}

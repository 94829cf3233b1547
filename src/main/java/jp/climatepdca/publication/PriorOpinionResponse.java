package jp.climatepdca.publication;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The secretariat's response (対応方針) to a committee opinion on last year's report heard after it was
 * published, written in the year that answers it ({@link PriorOpinions}).
 */
@Entity
@Table(name = "prior_opinion_response")
class PriorOpinionResponse {

  @Id
  @Column(name = "opinion_id")
  private Long opinionId;

  @Column(name = "municipality_code")
  private String municipalityCode;

  @Column(name = "fiscal_year")
  private int fiscalYear;

  private String response;

  @Column(name = "written_by")
  private String writtenBy;

  @Column(name = "written_at")
  private Instant writtenAt;

  protected PriorOpinionResponse() {}

  PriorOpinionResponse(long opinionId, String municipalityCode, int fiscalYear) {
    this.opinionId = opinionId;
    this.municipalityCode = municipalityCode;
    this.fiscalYear = fiscalYear;
  }

  void write(String response, String writtenBy, Instant writtenAt) {
    this.response = response;
    this.writtenBy = writtenBy;
    this.writtenAt = writtenAt;
  }

  long opinionId() {
    return opinionId;
  }

  String response() {
    return response;
  }
}

package jp.climatepdca.evaluation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One opinion (意見・助言) of the committee, on a measure or on the whole plan. */
@Entity
@Table(name = "committee_opinion")
class CommitteeOpinion {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "municipality_code")
  private String municipalityCode;

  @Column(name = "fiscal_year")
  private int fiscalYear;

  @Column(name = "measure_code")
  private String measureCode;

  private String opinion;

  @Column(name = "task_id")
  private String taskId;

  @Column(name = "recorded_by")
  private String recordedBy;

  @Column(name = "recorded_at")
  private Instant recordedAt;

  protected CommitteeOpinion() {}

  CommitteeOpinion(String municipalityCode, int fiscalYear, String measureCode, String opinion, String taskId,
      String recordedBy, Instant recordedAt) {
    this.municipalityCode = municipalityCode;
    this.fiscalYear = fiscalYear;
    this.measureCode = measureCode;
    this.opinion = opinion;
    this.taskId = taskId;
    this.recordedBy = recordedBy;
    this.recordedAt = recordedAt;
  }

  OpinionView view() {
    return new OpinionView(id, measureCode, opinion, recordedBy, recordedAt);
  }
}

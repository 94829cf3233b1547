package jp.climatepdca.review;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "review_decision")
class ReviewDecision {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "municipality_code")
  private String municipalityCode;

  @Column(name = "fiscal_year")
  private int fiscalYear;

  @Column(name = "department_code")
  private String departmentCode;

  @Enumerated(EnumType.STRING)
  @Column(name = "review_level")
  private ReviewLevel level;

  @Enumerated(EnumType.STRING)
  private ReviewOutcome outcome;

  private String comment;

  @Column(name = "task_id")
  private String taskId;

  @Column(name = "decided_by")
  private String decidedBy;

  @Column(name = "decided_at")
  private Instant decidedAt;

  protected ReviewDecision() {}

  ReviewDecision(ReviewRecord r) {
    this.municipalityCode = r.municipality();
    this.fiscalYear = r.fiscalYear();
    this.departmentCode = r.departmentCode();
    this.level = r.level();
    this.outcome = r.outcome();
    this.comment = r.comment();
    this.taskId = r.taskId();
    this.decidedBy = r.decidedBy();
    this.decidedAt = r.decidedAt();
  }

  ReviewRecord record() {
    return new ReviewRecord(municipalityCode, fiscalYear, departmentCode, level, outcome, comment, taskId,
        decidedBy, decidedAt);
  }
}

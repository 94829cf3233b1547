package jp.climatepdca.assessment;

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
@Table(name = "self_assessment")
class SelfAssessment {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "municipality_code")
  private String municipalityCode;

  @Column(name = "fiscal_year")
  private int fiscalYear;

  @Column(name = "measure_code")
  private String measureCode;

  @Column(name = "department_code")
  private String departmentCode;

  @Enumerated(EnumType.STRING)
  private Progress progress;

  private String achievements;

  private String issues;

  @Column(name = "next_steps")
  private String nextSteps;

  @Column(name = "updated_by")
  private String updatedBy;

  @Column(name = "updated_at")
  private Instant updatedAt;

  protected SelfAssessment() {}

  SelfAssessment(String municipalityCode, int fiscalYear, String departmentCode, String measureCode) {
    this.municipalityCode = municipalityCode;
    this.fiscalYear = fiscalYear;
    this.departmentCode = departmentCode;
    this.measureCode = measureCode;
  }

  void revise(AssessmentInput input, String user, Instant at) {
    this.progress = input.progress();
    this.achievements = input.achievements();
    this.issues = input.issues();
    this.nextSteps = input.nextSteps();
    this.updatedBy = user;
    this.updatedAt = at;
  }

  String measureCode() {
    return measureCode;
  }

  AssessmentView view() {
    return new AssessmentView(departmentCode, measureCode, progress, achievements, issues, nextSteps, updatedBy,
        updatedAt);
  }
}

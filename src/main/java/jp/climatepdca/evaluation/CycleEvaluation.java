package jp.climatepdca.evaluation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The city-wide texts of a cycle's Check: the secretariat's summary, HQ's evaluation, liaison minutes. */
@Entity
@Table(name = "cycle_evaluation")
class CycleEvaluation {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "municipality_code")
  private String municipalityCode;

  @Column(name = "fiscal_year")
  private int fiscalYear;

  @Column(name = "secretariat_summary")
  private String secretariatSummary;

  @Column(name = "headquarters_evaluation")
  private String headquartersEvaluation;

  @Column(name = "liaison_minutes")
  private String liaisonMinutes;

  protected CycleEvaluation() {}

  CycleEvaluation(String municipalityCode, int fiscalYear) {
    this.municipalityCode = municipalityCode;
    this.fiscalYear = fiscalYear;
  }

  void summarize(String summary) {
    this.secretariatSummary = summary;
  }

  void evaluate(String evaluation) {
    this.headquartersEvaluation = evaluation;
  }

  void recordMinutes(String minutes) {
    this.liaisonMinutes = minutes;
  }

  EvaluationView view() {
    return new EvaluationView(secretariatSummary, headquartersEvaluation, liaisonMinutes);
  }
}

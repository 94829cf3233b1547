package jp.climatepdca.plan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;

@Entity
@Table(name = "emission_target")
class EmissionTarget {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "municipality_code")
  private String municipalityCode;

  @Column(name = "target_year")
  private int targetYear;

  @Column(name = "reduction_percent")
  private BigDecimal reductionPercent;

  private String label;

  /** t-CO2: an absolute target, beside or instead of the percentage. */
  private BigDecimal emissions;

  protected EmissionTarget() {}

  EmissionTarget(String municipalityCode, EmissionTargetView target) {
    this.municipalityCode = municipalityCode;
    this.targetYear = target.year();
    this.reductionPercent = target.reductionPercent();
    this.label = target.label();
    this.emissions = target.emissions();
  }

  EmissionTargetView view() {
    return new EmissionTargetView(targetYear, ActualValueCheck.plain(reductionPercent), label,
        ActualValueCheck.plain(emissions));
  }
}

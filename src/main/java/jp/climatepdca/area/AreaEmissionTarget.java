package jp.climatepdca.area;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** The area's GHG reduction target for a year, in percent of its base year's emissions. */
@Entity
@Table(name = "area_emission_target")
class AreaEmissionTarget {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "area_code")
  private String areaCode;

  @Column(name = "target_year")
  private int targetYear;

  @Column(name = "reduction_percent")
  private BigDecimal reductionPercent;

  private String label;

  protected AreaEmissionTarget() {}

  AreaEmissionTarget(String areaCode, AreaEmissionTargetView target) {
    this.areaCode = areaCode;
    this.targetYear = target.year();
    this.reductionPercent = target.reductionPercent();
    this.label = target.label();
  }

  AreaEmissionTargetView view() {
    return new AreaEmissionTargetView(targetYear, jp.climatepdca.plan.ActualValueCheck.plain(reductionPercent), label);
  }
}

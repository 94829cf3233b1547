package jp.climatepdca.plan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;

@Entity
@Table(name = "indicator")
class Indicator {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "municipality_code")
  private String municipalityCode;

  private String code;

  private String name;

  private String unit;

  @Column(name = "measure_code")
  private String measureCode;

  @Column(name = "department_code")
  private String departmentCode;

  @Enumerated(EnumType.STRING)
  private IndicatorDirection direction;

  @Column(name = "base_year")
  private int baseYear;

  @Column(name = "base_value")
  private BigDecimal baseValue;

  @Column(name = "target_year")
  private int targetYear;

  @Column(name = "target_value")
  private BigDecimal targetValue;

  protected Indicator() {}

  Indicator(String municipalityCode, String code) {
    this.municipalityCode = municipalityCode;
    this.code = code;
  }

  void update(IndicatorView v) {
    name = v.name();
    unit = v.unit();
    measureCode = v.measureCode();
    departmentCode = v.departmentCode();
    direction = v.direction();
    baseYear = v.baseYear();
    baseValue = v.baseValue();
    targetYear = v.targetYear();
    targetValue = v.targetValue();
  }

  IndicatorView view() {
    return new IndicatorView(code, name, unit, measureCode, departmentCode, direction, baseYear,
        ActualValueCheck.plain(baseValue), targetYear, ActualValueCheck.plain(targetValue));
  }
}

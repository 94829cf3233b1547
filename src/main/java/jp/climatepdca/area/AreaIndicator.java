package jp.climatepdca.area;

import static jp.climatepdca.plan.ActualValueCheck.plain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import jp.climatepdca.plan.IndicatorDirection;


/** An indicator of the area plan (圏域の指標), with its base year and target. */
@Entity
@Table(name = "area_indicator")
class AreaIndicator {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "area_code")
  private String areaCode;

  private String code;

  private String name;

  private String unit;

  @Column(name = "measure_code")
  private String measureCode;

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

  private int position;

  protected AreaIndicator() {}

  AreaIndicator(String areaCode, String code) {
    this.areaCode = areaCode;
    this.code = code;
  }

  void update(AreaIndicatorView v, int position) {
    name = v.name();
    unit = v.unit();
    measureCode = v.measure();
    direction = v.direction();
    baseYear = v.baseYear();
    baseValue = v.baseValue();
    targetYear = v.targetYear();
    targetValue = v.targetValue();
    this.position = position;
  }

  String code() {
    return code;
  }

  AreaIndicatorView view() {
    return new AreaIndicatorView(code, name, unit, measureCode, direction, baseYear, plain(baseValue), targetYear,
        plain(targetValue));
  }
}

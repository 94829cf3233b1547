package jp.climatepdca.area;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jp.climatepdca.plan.ActualValueColumns;

/** A year's actual value of an area indicator, entered by the area's secretariat (V29, docs/area.md). */
@Entity
@Table(name = "area_indicator_actual")
class AreaIndicatorActual extends ActualValueColumns {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "area_code")
  private String areaCode;

  protected AreaIndicatorActual() {}

  AreaIndicatorActual(String areaCode, String indicatorCode, int valueYear) {
    super(indicatorCode, valueYear);
    this.areaCode = areaCode;
  }
}

package jp.climatepdca.plan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A year's actual value of a municipality's indicator (the columns are {@link ActualValueColumns}). */
@Entity
@Table(name = "indicator_actual")
class IndicatorActual extends ActualValueColumns {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "municipality_code")
  private String municipalityCode;

  protected IndicatorActual() {}

  IndicatorActual(String municipalityCode, String indicatorCode, int valueYear) {
    super(indicatorCode, valueYear);
    this.municipalityCode = municipalityCode;
  }
}

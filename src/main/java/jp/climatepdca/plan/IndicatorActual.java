package jp.climatepdca.plan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

@Entity
@Table(name = "indicator_actual")
class IndicatorActual {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "municipality_code")
  private String municipalityCode;

  @Column(name = "indicator_code")
  private String indicatorCode;

  @Column(name = "value_year")
  private int valueYear;

  @Column(name = "actual_value")
  private BigDecimal value;

  private String source;

  @Column(name = "entered_by")
  private String enteredBy;

  @Column(name = "entered_at")
  private Instant enteredAt;

  protected IndicatorActual() {}

  IndicatorActual(String municipalityCode, String indicatorCode, int valueYear) {
    this.municipalityCode = municipalityCode;
    this.indicatorCode = indicatorCode;
    this.valueYear = valueYear;
  }

  void record(BigDecimal value, String source, String user, Instant now) {
    this.value = value;
    this.source = source;
    this.enteredBy = user;
    this.enteredAt = now;
  }

  ActualValueView view() {
    return new ActualValueView(indicatorCode, valueYear, ActualValueCheck.plain(value), source, enteredBy, enteredAt);
  }
}

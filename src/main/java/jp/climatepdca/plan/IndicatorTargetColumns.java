package jp.climatepdca.plan;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;

/** One row of an indicator's targets table (indicator_target, area_indicator_target). */
@Embeddable
public class IndicatorTargetColumns {

  @Column(name = "target_year")
  private int year;

  @Column(name = "target_value")
  private BigDecimal value;

  protected IndicatorTargetColumns() {}

  public IndicatorTargetColumns(IndicatorTargetView t) {
    this.year = t.year();
    this.value = t.value();
  }

  public IndicatorTargetView view() {
    return new IndicatorTargetView(year, ActualValueCheck.plain(value));
  }
}

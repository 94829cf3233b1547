package jp.climatepdca.plan;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The columns of one actual value of an indicator (a year's value, its source, who entered it and when), shared
 * by a municipality's indicator_actual and an area's area_indicator_actual: one mapping, so both store what
 * {@link ActualValueView} holds. The owner (municipality or area) is the subclass's.
 */
@MappedSuperclass
public abstract class ActualValueColumns {

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

  protected ActualValueColumns() {}

  protected ActualValueColumns(String indicatorCode, int valueYear) {
    this.indicatorCode = indicatorCode;
    this.valueYear = valueYear;
  }

  /** Records (or corrects) the value; the caller has checked it ({@link ActualValueCheck}). */
  public void record(BigDecimal value, String source, String user, Instant now) {
    this.value = value;
    this.source = source;
    this.enteredBy = user;
    this.enteredAt = now;
  }

  /** Whether recording {@code value} and {@code source} would change what is stored. */
  public boolean differs(BigDecimal value, String source) {
    return this.value == null || value == null || this.value.compareTo(value) != 0
        || !java.util.Objects.equals(this.source, source);
  }

  public ActualValueView view() {
    return new ActualValueView(indicatorCode, valueYear, ActualValueCheck.plain(value), source, enteredBy, enteredAt);
  }
}

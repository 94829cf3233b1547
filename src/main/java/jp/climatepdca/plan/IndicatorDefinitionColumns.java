package jp.climatepdca.plan;

import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.MappedSuperclass;
import java.math.BigDecimal;
import java.util.List;

/**
 * The columns of an indicator's definition (docs/indicators.md), shared by a municipality's indicator table and
 * an area's (area_indicator): one mapping, so both store what {@link IndicatorView} holds. The owner (the
 * municipality or area), the department and the targets' table are the subclass's.
 */
@MappedSuperclass
public abstract class IndicatorDefinitionColumns {

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
  private Integer targetYear;

  @Column(name = "target_value")
  private BigDecimal targetValue;

  @Enumerated(EnumType.STRING)
  private IndicatorKind kind = IndicatorKind.PATH;

  @Column(name = "max_data_age_years")
  private Integer maxDataAgeYears;

  @Enumerated(EnumType.STRING)
  @Column(name = "value_source")
  private IndicatorSource source = IndicatorSource.TYPED;

  protected IndicatorDefinitionColumns() {}

  /** Takes every definition field of {@code v}; the subclass stores {@code v.targets()} in its own table. */
  protected void define(IndicatorView v) {
    name = v.name();
    unit = v.unit();
    measureCode = v.measureCode();
    direction = v.direction();
    baseYear = v.baseYear();
    baseValue = v.baseValue();
    targetYear = v.targetYear();
    targetValue = v.targetValue();
    kind = v.kind();
    maxDataAgeYears = v.maxDataAgeYears();
    source = v.source();
  }

  /** The definition with the subclass's code, department and targets. */
  protected IndicatorView definition(String code, String departmentCode, List<IndicatorTargetView> targets) {
    return new IndicatorView(code, name, unit, measureCode, departmentCode, direction, baseYear,
        ActualValueCheck.plain(baseValue), targetYear, ActualValueCheck.plain(targetValue), kind, targets,
        maxDataAgeYears, source);
  }
}

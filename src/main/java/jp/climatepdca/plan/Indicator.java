package jp.climatepdca.plan;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

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

  // one query for the targets of every indicator a query returned, not one per indicator (plans have hundreds)
  @ElementCollection(fetch = jakarta.persistence.FetchType.EAGER)
  @org.hibernate.annotations.Fetch(org.hibernate.annotations.FetchMode.SUBSELECT)
  @CollectionTable(name = "indicator_target", joinColumns = @JoinColumn(name = "indicator_id"))
  @OrderBy("year")
  private List<Target> targets = new ArrayList<>();

  /** One row of indicator_target. */
  @Embeddable
  static class Target {
    @Column(name = "target_year")
    private int year;

    @Column(name = "target_value")
    private BigDecimal value;

    protected Target() {}

    Target(IndicatorTargetView t) {
      this.year = t.year();
      this.value = t.value();
    }

    IndicatorTargetView view() {
      return new IndicatorTargetView(year, ActualValueCheck.plain(value));
    }
  }

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
    kind = v.kind();
    maxDataAgeYears = v.maxDataAgeYears();
    source = v.source();
    targets.clear();
    v.targets().forEach(t -> targets.add(new Target(t)));
  }

  IndicatorView view() {
    return new IndicatorView(code, name, unit, measureCode, departmentCode, direction, baseYear,
        ActualValueCheck.plain(baseValue), targetYear, ActualValueCheck.plain(targetValue), kind,
        targets.stream().map(Target::view).toList(), maxDataAgeYears, source);
  }
}

package jp.climatepdca.area;

import static jp.climatepdca.plan.ActualValueCheck.plain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import jp.climatepdca.plan.IndicatorDirection;
import jp.climatepdca.plan.IndicatorKind;
import jp.climatepdca.plan.IndicatorSource;
import jp.climatepdca.plan.IndicatorTargetView;
import jp.climatepdca.plan.IndicatorView;

/**
 * An indicator of the area plan (圏域の指標): the row of the plan's {@link IndicatorView} (one definition for
 * plans and areas, docs/indicators.md); {@code measureCode} is a shared measure's code, or null for the plan.
 */
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

  private int position;

  @ElementCollection(fetch = FetchType.EAGER)
  @org.hibernate.annotations.Fetch(org.hibernate.annotations.FetchMode.SUBSELECT)
  @CollectionTable(name = "area_indicator_target", joinColumns = @JoinColumn(name = "area_indicator_id"))
  @OrderBy("year")
  private List<Target> targets = new ArrayList<>();

  /** One row of area_indicator_target. */
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
      return new IndicatorTargetView(year, plain(value));
    }
  }

  protected AreaIndicator() {}

  AreaIndicator(String areaCode, String code) {
    this.areaCode = areaCode;
    this.code = code;
  }

  void update(IndicatorView v, int position) {
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
    targets.clear();
    v.targets().forEach(t -> targets.add(new Target(t)));
    this.position = position;
  }

  String code() {
    return code;
  }

  IndicatorView view() {
    return new IndicatorView(code, name, unit, measureCode, null, direction, baseYear, plain(baseValue), targetYear,
        plain(targetValue), kind, targets.stream().map(Target::view).toList(), maxDataAgeYears, source);
  }
}

package jp.climatepdca.plan;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;

@Entity
@Table(name = "indicator")
class Indicator extends IndicatorDefinitionColumns {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "municipality_code")
  private String municipalityCode;

  private String code;

  @Column(name = "department_code")
  private String departmentCode;

  // one query for the targets of every indicator a query returned, not one per indicator (plans have hundreds)
  @ElementCollection(fetch = jakarta.persistence.FetchType.EAGER)
  @org.hibernate.annotations.Fetch(org.hibernate.annotations.FetchMode.SUBSELECT)
  @CollectionTable(name = "indicator_target", joinColumns = @JoinColumn(name = "indicator_id"))
  @OrderBy("year")
  private List<IndicatorTargetColumns> targets = new ArrayList<>();

  protected Indicator() {}

  Indicator(String municipalityCode, String code) {
    this.municipalityCode = municipalityCode;
    this.code = code;
  }

  void update(IndicatorView v) {
    define(v);
    departmentCode = v.departmentCode();
    targets.clear();
    v.targets().forEach(t -> targets.add(new IndicatorTargetColumns(t)));
  }

  IndicatorView view() {
    return definition(code, departmentCode, targets.stream().map(IndicatorTargetColumns::view).toList());
  }
}

package jp.climatepdca.area;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import jp.climatepdca.plan.IndicatorDefinitionColumns;
import jp.climatepdca.plan.IndicatorTargetColumns;
import jp.climatepdca.plan.IndicatorView;

/**
 * An indicator of the area plan (圏域の指標), stored with the plan's indicator columns (one definition for plans
 * and areas, docs/indicators.md); its measure is a shared measure's code, or null for the whole plan.
 */
@Entity
@Table(name = "area_indicator")
class AreaIndicator extends IndicatorDefinitionColumns {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "area_code")
  private String areaCode;

  private String code;

  private int position;

  @ElementCollection(fetch = FetchType.EAGER)
  @org.hibernate.annotations.Fetch(org.hibernate.annotations.FetchMode.SUBSELECT)
  @CollectionTable(name = "area_indicator_target", joinColumns = @JoinColumn(name = "area_indicator_id"))
  @OrderBy("year")
  private List<IndicatorTargetColumns> targets = new ArrayList<>();

  protected AreaIndicator() {}

  AreaIndicator(String areaCode, String code) {
    this.areaCode = areaCode;
    this.code = code;
  }

  void update(IndicatorView v, int position) {
    define(v);
    targets.clear();
    v.targets().forEach(t -> targets.add(new IndicatorTargetColumns(t)));
    this.position = position;
  }

  String code() {
    return code;
  }

  IndicatorView view() {
    return definition(code, null, targets.stream().map(IndicatorTargetColumns::view).toList());
  }
}

package jp.climatepdca.area;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A member's part in a shared measure: 実施事業 or 検討事業, and the member's own measure when it has one. */
@Entity
@Table(name = "area_measure_member")
class AreaMeasureMember {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "area_code")
  private String areaCode;

  @Column(name = "measure_code")
  private String measureCode;

  @Column(name = "municipality_code")
  private String municipalityCode;

  private String kind;

  @Column(name = "member_measure_code")
  private String memberMeasureCode;

  private int position;

  protected AreaMeasureMember() {}

  AreaMeasureMember(String areaCode, String measureCode, MemberRole role, int position) {
    this.areaCode = areaCode;
    this.measureCode = measureCode;
    this.municipalityCode = role.municipality();
    this.kind = role.kind();
    this.memberMeasureCode = role.memberMeasure();
    this.position = position;
  }

  String measureCode() {
    return measureCode;
  }

  MemberRole view() {
    return new MemberRole(municipalityCode, kind, memberMeasureCode);
  }
}

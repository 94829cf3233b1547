package jp.climatepdca.area;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One member municipality of an area; position 0 is the lead. */
@Entity
@Table(name = "area_member")
class AreaMember {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "area_code")
  private String areaCode;

  @Column(name = "municipality_code")
  private String municipalityCode;

  private int position;

  protected AreaMember() {}

  AreaMember(String areaCode, String municipalityCode, int position) {
    this.areaCode = areaCode;
    this.municipalityCode = municipalityCode;
    this.position = position;
  }

  String areaCode() {
    return areaCode;
  }

  String municipalityCode() {
    return municipalityCode;
  }
}

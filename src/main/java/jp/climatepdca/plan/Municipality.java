package jp.climatepdca.plan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;

@Entity
@Table(name = "municipality")
class Municipality {

  @Id
  private String code;

  private String name;

  @Column(name = "base_year")
  private int baseYear;

  @Column(name = "liaison_meeting")
  private boolean liaisonMeeting;

  @Column(name = "base_emissions")
  private BigDecimal baseEmissions;

  /** The area the plan file says the municipality belongs to (municipality.area), or null. */
  @Column(name = "area_code")
  private String areaCode;

  protected Municipality() {}

  Municipality(String code) {
    this.code = code;
  }

  void update(String name, int baseYear, boolean liaisonMeeting, BigDecimal baseEmissions) {
    this.name = name;
    this.baseEmissions = baseEmissions;
    this.baseYear = baseYear;
    this.liaisonMeeting = liaisonMeeting;
  }

  void nameArea(String areaCode) {
    this.areaCode = areaCode;
  }

  String areaCode() {
    return areaCode;
  }

  MunicipalityView view() {
    return new MunicipalityView(code, name, baseYear, liaisonMeeting, ActualValueCheck.plain(baseEmissions));
  }
}

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

  MunicipalityView view() {
    return new MunicipalityView(code, name, baseYear, liaisonMeeting, ActualValueCheck.plain(baseEmissions));
  }
}

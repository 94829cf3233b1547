package jp.climatepdca.plan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

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

  protected Municipality() {}

  Municipality(String code) {
    this.code = code;
  }

  void update(String name, int baseYear, boolean liaisonMeeting) {
    this.name = name;
    this.baseYear = baseYear;
    this.liaisonMeeting = liaisonMeeting;
  }

  MunicipalityView view() {
    return new MunicipalityView(code, name, baseYear, liaisonMeeting);
  }
}

package jp.climatepdca.area;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An area plan's head: name, lead, period, base year and the members' result deadline. */
@Entity
@Table(name = "area")
class Area {

  @Id
  private String code;

  private String name;

  @Column(name = "lead_municipality_code")
  private String leadMunicipalityCode;

  @Column(name = "first_year")
  private int firstYear;

  @Column(name = "last_year")
  private int lastYear;

  @Column(name = "base_year")
  private int baseYear;

  /** MM-DD: the day of the fiscal year by which members hand in their result. */
  @Column(name = "result_deadline", length = 5)
  @JdbcTypeCode(SqlTypes.CHAR)
  private String resultDeadline;

  @Column(name = "loaded_by")
  private String loadedBy;

  @Column(name = "loaded_at")
  private Instant loadedAt;

  protected Area() {}

  Area(String code) {
    this.code = code;
  }

  void update(String name, String lead, int firstYear, int lastYear, int baseYear, String resultDeadline,
      String loadedBy, Instant loadedAt) {
    this.name = name;
    this.leadMunicipalityCode = lead;
    this.firstYear = firstYear;
    this.lastYear = lastYear;
    this.baseYear = baseYear;
    this.resultDeadline = resultDeadline;
    this.loadedBy = loadedBy;
    this.loadedAt = loadedAt;
  }

  String code() {
    return code;
  }

  String lead() {
    return leadMunicipalityCode;
  }

  int firstYear() {
    return firstYear;
  }

  int lastYear() {
    return lastYear;
  }

  String loadedBy() {
    return loadedBy;
  }

  Instant loadedAt() {
    return loadedAt;
  }

  AreaView view(List<String> members) {
    return new AreaView(code, name, leadMunicipalityCode, firstYear, lastYear, baseYear, resultDeadline, members);
  }
}

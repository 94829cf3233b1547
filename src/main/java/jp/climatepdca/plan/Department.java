package jp.climatepdca.plan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "department")
class Department {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "municipality_code")
  private String municipalityCode;

  private String code;

  private String name;

  protected Department() {}

  Department(String municipalityCode, String code) {
    this.municipalityCode = municipalityCode;
    this.code = code;
  }

  void rename(String name) {
    this.name = name;
  }

  DepartmentView view() {
    return new DepartmentView(code, name);
  }
}

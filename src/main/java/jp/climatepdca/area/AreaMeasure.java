package jp.climatepdca.area;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;

/** A shared measure of the area plan (圏域の施策); key projects (重点事業) are flagged. */
@Entity
@Table(name = "area_measure")
class AreaMeasure {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "area_code")
  private String areaCode;

  private String code;

  private String name;

  private String sector;

  @Column(name = "key_project")
  private boolean keyProject;

  private String description;

  private int position;

  protected AreaMeasure() {}

  AreaMeasure(String areaCode, String code) {
    this.areaCode = areaCode;
    this.code = code;
  }

  void update(String name, String sector, boolean keyProject, String description, int position) {
    this.name = name;
    this.sector = sector;
    this.keyProject = keyProject;
    this.description = description;
    this.position = position;
  }

  String code() {
    return code;
  }

  SharedMeasureView view(List<MemberRole> members) {
    return new SharedMeasureView(code, name, sector, keyProject, description, members);
  }
}

package jp.climatepdca.plan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "measure")
class Measure {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "municipality_code")
  private String municipalityCode;

  private String code;

  @Column(name = "department_code")
  private String departmentCode;

  private String name;

  @Enumerated(EnumType.STRING)
  private Sector sector;

  @Enumerated(EnumType.STRING)
  private MeasureKind kind;

  @Column(name = "key_project")
  private boolean keyProject;

  private String description;

  @Enumerated(EnumType.STRING)
  private MeasureStatus status = MeasureStatus.ACTIVE;

  @Column(name = "last_decision")
  private String lastDecision;

  @Column(name = "last_decision_note")
  private String lastDecisionNote;

  @Column(name = "last_decision_year")
  private Integer lastDecisionYear;

  protected Measure() {}

  Measure(String municipalityCode, String code) {
    this.municipalityCode = municipalityCode;
    this.code = code;
  }

  void update(String departmentCode, String name, Sector sector, MeasureKind kind, boolean keyProject,
      String description) {
    this.departmentCode = departmentCode;
    this.name = name;
    this.sector = sector;
    // Plan files are loaded again at every start: a study measure the Action step promoted stays an
    // implementation measure, whatever the (older) file still says.
    var promotedByReview = this.kind == MeasureKind.IMPLEMENTATION && lastDecisionYear != null
        && kind == MeasureKind.STUDY;
    if (!promotedByReview) {
      this.kind = kind;
    }
    this.keyProject = keyProject;
    this.description = description;
  }

  void discard() {
    status = MeasureStatus.DISCARDED;
  }

  void keep() {
    status = MeasureStatus.ACTIVE;
  }

  void promoteToImplementation() {
    kind = MeasureKind.IMPLEMENTATION;
  }

  void reviewed(int fiscalYear, String decision, String note) {
    this.lastDecisionYear = fiscalYear;
    this.lastDecision = decision;
    this.lastDecisionNote = note;
  }

  MeasureKind kind() {
    return kind;
  }

  String code() {
    return code;
  }

  MeasureView view() {
    return new MeasureView(code, departmentCode, name, sector, kind, keyProject, description, status,
        lastDecisionYear == null ? null : new MeasureView.LastDecision(lastDecisionYear, lastDecision, lastDecisionNote));
  }
}

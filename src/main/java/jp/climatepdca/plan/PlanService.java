package jp.climatepdca.plan;

import java.util.List;
import java.util.Optional;
import jp.climatepdca.system.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The plan as the other features read and change it. */
@Service
@Transactional(readOnly = true)
public class PlanService {

  private final MunicipalityRepository municipalities;
  private final DepartmentRepository departments;
  private final MeasureRepository measures;
  private final PlanDefinitions definitions;

  PlanService(MunicipalityRepository municipalities, DepartmentRepository departments,
      MeasureRepository measures, PlanDefinitions definitions) {
    this.municipalities = municipalities;
    this.departments = departments;
    this.measures = measures;
    this.definitions = definitions;
  }

  public List<MunicipalityView> municipalities() {
    return municipalities.findAllByOrderByCode().stream().map(Municipality::view).toList();
  }

  public Optional<MunicipalityView> findMunicipality(String code) {
    return municipalities.findById(code).map(Municipality::view);
  }

  public MunicipalityView municipality(String code) {
    return findMunicipality(code)
        .orElseThrow(() -> new NotFoundException("自治体コード \"" + code + "\" は登録されていません"));
  }

  /** The area the municipality's plan file names (municipality.area), if it names one. */
  public Optional<String> namedArea(String municipality) {
    return municipalities.findById(municipality).map(Municipality::areaCode);
  }

  /** The municipalities whose plan files name the area. */
  public List<String> municipalitiesNaming(String area) {
    return municipalities.findByAreaCodeOrderByCode(area).stream().map(m -> m.view().code()).toList();
  }

  public List<DepartmentView> departments(String municipality) {
    return departments.findByMunicipalityCodeOrderById(municipality).stream().map(Department::view).toList();
  }

  public DepartmentView department(String municipality, String departmentCode) {
    return departments.findByMunicipalityCodeAndCode(municipality, departmentCode).map(Department::view)
        .orElseThrow(() -> new NotFoundException("部署コード \"" + departmentCode + "\" は登録されていません"));
  }

  /** Departments that own at least one active measure: only they have something to assess. */
  public List<String> assessingDepartmentCodes(String municipality) {
    var owning = activeMeasures(municipality).stream().map(MeasureView::departmentCode)
        .collect(java.util.stream.Collectors.toSet());
    return departments(municipality).stream().map(DepartmentView::code).filter(owning::contains).toList();
  }

  /** Every measure, discarded ones included: past years' assessments still name them. */
  public List<MeasureView> measures(String municipality) {
    return measures.findByMunicipalityCodeOrderByCode(municipality).stream().map(Measure::view).toList();
  }

  /** A department's measures, discarded ones included. */
  public List<MeasureView> measures(String municipality, String departmentCode) {
    return measures.findByMunicipalityCodeAndDepartmentCodeOrderByCode(municipality, departmentCode).stream()
        .map(Measure::view).toList();
  }

  public List<MeasureView> activeMeasures(String municipality) {
    return measures.findByMunicipalityCodeAndStatusOrderByCode(municipality, MeasureStatus.ACTIVE).stream()
        .map(Measure::view).toList();
  }

  public List<MeasureView> activeMeasures(String municipality, String departmentCode) {
    return measures.findByMunicipalityCodeAndDepartmentCodeAndStatusOrderByCode(municipality, departmentCode,
        MeasureStatus.ACTIVE).stream().map(Measure::view).toList();
  }

  /**
   * The measures as the plan version in force in {@code planYear} defines them (the year a cycle reviews:
   * see docs/plan-versions.md), retired and replaced ones included: a cycle's forms and report name them.
   */
  public List<MeasureView> measures(String municipality, int planYear) {
    return versioned(municipality, planYear, false, null);
  }

  /** Measures assessed for {@code planYear}: in force then, not retired or replaced, not discarded. */
  public List<MeasureView> activeMeasures(String municipality, int planYear) {
    return versioned(municipality, planYear, true, null);
  }

  public List<MeasureView> activeMeasures(String municipality, String departmentCode, int planYear) {
    return versioned(municipality, planYear, true, departmentCode);
  }

  /** A department's measures in the version in force in {@code planYear}, retired ones included. */
  public List<MeasureView> measures(String municipality, String departmentCode, int planYear) {
    return versioned(municipality, planYear, false, departmentCode);
  }

  /** Departments that own a measure assessed for {@code planYear}. */
  public List<String> assessingDepartmentCodes(String municipality, int planYear) {
    var owning = activeMeasures(municipality, planYear).stream().map(MeasureView::departmentCode)
        .collect(java.util.stream.Collectors.toSet());
    return departments(municipality).stream().map(DepartmentView::code).filter(owning::contains).toList();
  }

  /**
   * The version's name, department, sector, key-project flag and description over the measure's own state
   * (discarded, last Action decision, promoted by review), which is not the plan file's business.
   */
  private List<MeasureView> versioned(String municipality, int planYear, boolean activeOnly, String department) {
    var doc = definitions.inForce(municipality, planYear);
    if (doc.isEmpty()) {
      var all = department == null ? measures(municipality) : measures(municipality, department);
      return activeOnly ? all.stream().filter(m -> m.status() == MeasureStatus.ACTIVE).toList() : all;
    }
    var entries = (activeOnly ? PlanDefinitions.activeMeasures(doc.get(), planYear)
        : PlanDefinitions.measures(doc.get())).stream()
        .filter(e -> department == null || department.equals(e.department())).toList();
    // only the rows needed: a department's form of a large city would otherwise read all 400 measures
    var state = (department == null ? measures.findByMunicipalityCodeOrderByCode(municipality)
        : measures.findByMunicipalityCodeAndCodeIn(municipality, entries.stream().map(e -> e.code()).toList()))
        .stream().map(Measure::view).collect(java.util.stream.Collectors.toMap(MeasureView::code, m -> m));
    return entries.stream().filter(e -> state.containsKey(e.code()))
        .map(e -> {
          var s = state.get(e.code());
          var kind = s.lastDecision() != null && s.kind() == MeasureKind.IMPLEMENTATION ? s.kind()
              : PlanLabels.of(MeasureKind.class, e.kind());
          return new MeasureView(e.code(), e.department(), e.name(), PlanLabels.of(Sector.class, e.sector()), kind,
              Boolean.TRUE.equals(e.keyProject()), e.description(), s.status(), s.lastDecision());
        })
        .filter(m -> !activeOnly || m.status() == MeasureStatus.ACTIVE)
        .sorted(java.util.Comparator.comparing(MeasureView::code)).toList();
  }

  /**
   * The Action step's effect on next year's plan, and each decision's label and note kept on its measure
   * so next year's self-assessment shows them; the history of decisions is kept by the evaluation feature.
   * The city's measures are read once: a look-up per decision made Hibernate flush and dirty-check every
   * measure already changed before each of the next look-ups (400 measures: 80,000 checks).
   */
  @Transactional
  public void applyReviews(String municipality, int fiscalYear, List<Review> reviews) {
    var byCode = measures.findByMunicipalityCodeOrderByCode(municipality).stream()
        .collect(java.util.stream.Collectors.toMap(Measure::code, measure -> measure));
    for (var review : reviews) {
      var measure = byCode.get(review.measureCode());
      if (measure == null) {
        throw new NotFoundException("施策コード \"" + review.measureCode() + "\" は登録されていません");
      }
      measure.reviewed(fiscalYear, review.label(), review.note());
      switch (review.effect()) {
        // kept: an area's decision may bring back a measure the member's own Action step of the year discarded
        case KEEP -> measure.keep();
        case DISCARD -> measure.discard();
        case PROMOTE -> measure.promoteToImplementation();
      }
    }
  }

  /** One measure's Action decision: what it does to the plan, its label and the note. */
  public record Review(String measureCode, ReviewEffect effect, String label, String note) {}

  /** What a review decision does to the measure in the plan: KEEP leaves it in (or puts it back in) next year's plan. */
  public enum ReviewEffect { KEEP, DISCARD, PROMOTE }
}

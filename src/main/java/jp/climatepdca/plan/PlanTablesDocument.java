package jp.climatepdca.plan;

import java.util.List;
import jp.climatepdca.plan.PlanDocument.DepartmentEntry;
import jp.climatepdca.plan.PlanDocument.EmissionTargetEntry;
import jp.climatepdca.plan.PlanDocument.IndicatorEntry;
import jp.climatepdca.plan.PlanDocument.MeasureEntry;
import jp.climatepdca.plan.PlanDocument.MunicipalityEntry;
import jp.climatepdca.plan.PlanDocument.TargetEntry;
import org.springframework.stereotype.Component;

/**
 * A municipality's plan tables written as a plan file (docs/plan-file-format.md), for a plan loaded before
 * plan versions existed ({@link FirstVersionFromTables}). Codes, not labels; every indicator with its
 * targets as a list; nothing the tables do not hold (no {@code plan} block, no governance: a plan with a
 * governance block was loaded with versions). Read back through {@link PlanDefinitions}, it gives the
 * measures and indicators the tables give.
 */
@Component
class PlanTablesDocument {

  private final MunicipalityRepository municipalities;
  private final DepartmentRepository departments;
  private final MeasureRepository measures;
  private final IndicatorRepository indicators;
  private final EmissionTargetRepository targets;

  PlanTablesDocument(MunicipalityRepository municipalities, DepartmentRepository departments,
      MeasureRepository measures, IndicatorRepository indicators, EmissionTargetRepository targets) {
    this.municipalities = municipalities;
    this.departments = departments;
    this.measures = measures;
    this.indicators = indicators;
    this.targets = targets;
  }

  PlanDocument document(String code) {
    var row = municipalities.findById(code).orElseThrow();
    var m = row.view();
    var municipality = new MunicipalityEntry(m.code(), m.name(), m.baseYear(), m.liaisonMeeting() ? true : null,
        m.baseEmissions(), row.areaCode());
    var departmentEntries = departments.findByMunicipalityCodeOrderById(code).stream().map(Department::view)
        .map(d -> new DepartmentEntry(d.code(), d.name())).toList();
    var measureEntries = measures.findByMunicipalityCodeOrderByCode(code).stream().map(Measure::view)
        .map(v -> new MeasureEntry(v.code(), v.departmentCode(), v.name(), v.sector().name(), v.kind().name(),
            v.keyProject() ? true : null, v.description(), null, null)).toList();
    var indicatorEntries = indicators.findByMunicipalityCodeOrderByCode(code).stream().map(Indicator::view)
        .map(PlanTablesDocument::indicator).toList();
    var targetEntries = targets.findByMunicipalityCodeOrderByTargetYear(code).stream().map(EmissionTarget::view)
        .map(t -> new EmissionTargetEntry(t.year(), t.reductionPercent(), t.label(), t.emissions())).toList();
    return new PlanDocument(municipality, departmentEntries, measureEntries, indicatorEntries,
        targetEntries.isEmpty() ? null : targetEntries, null, null);
  }

  /** A measure's indicator is its measure's department's; the file names a department only for a plan-level one. */
  private static IndicatorEntry indicator(IndicatorView v) {
    var kind = v.kind();
    List<TargetEntry> list = v.targets().stream().map(t -> kind == IndicatorKind.STAGES
        ? new TargetEntry(t.year(), null, IndicatorStage.of(t.value()).orElseThrow().name())
        : new TargetEntry(t.year(), t.value(), null)).toList();
    return new IndicatorEntry(v.code(), v.name(), v.unit(), v.measureCode(),
        v.measureCode() == null ? v.departmentCode() : null, kind.needsDirection() ? v.direction().name() : null,
        v.baseYear(), v.baseValue(), null, null, kind.name(), list.isEmpty() ? null : list, v.maxDataAgeYears(),
        v.source() == IndicatorSource.TYPED ? null : v.source().name(), null, null);
  }
}

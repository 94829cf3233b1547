package jp.climatepdca.plan;

import java.math.BigDecimal;
import java.util.List;

/** The plan file as read from JSON (see docs/plan-file-format.md); validated by {@link PlanFileValidator}. */
record PlanDocument(MunicipalityEntry municipality, List<DepartmentEntry> departments,
    List<MeasureEntry> measures, List<IndicatorEntry> indicators, List<EmissionTargetEntry> emissionTargets) {

  /** {@code area}: the area the municipality belongs to (docs/area.md), optional. */
  record MunicipalityEntry(String code, String name, Integer baseYear, Boolean liaisonMeeting,
      BigDecimal baseEmissions, String area) {}

  record DepartmentEntry(String code, String name) {}

  record MeasureEntry(String code, String department, String name, String sector, String kind,
      Boolean keyProject, String description) {}

  record IndicatorEntry(String code, String name, String unit, String measure, String department,
      String direction, Integer baseYear, BigDecimal baseValue, Integer targetYear, BigDecimal targetValue) {}

  record EmissionTargetEntry(Integer year, BigDecimal reductionPercent, String label) {}
}

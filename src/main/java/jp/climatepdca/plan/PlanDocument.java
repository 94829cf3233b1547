package jp.climatepdca.plan;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;

/** The plan file as read from JSON (see docs/plan-file-format.md); validated by {@link PlanFileValidator}. */
public record PlanDocument(MunicipalityEntry municipality, List<DepartmentEntry> departments,
    List<MeasureEntry> measures, List<IndicatorEntry> indicators, List<EmissionTargetEntry> emissionTargets,
    PlanEntry plan, GovernanceEntry governance) {

  /** {@code area}: the area the municipality belongs to (docs/area.md), optional. */
  record MunicipalityEntry(String code, String name, Integer baseYear, Boolean liaisonMeeting,
      BigDecimal baseEmissions, String area) {}

  record DepartmentEntry(String code, String name) {}

  record MeasureEntry(String code, String department, String name, String sector, String kind,
      Boolean keyProject, String description,
      Integer retiredFrom, String replaces) {}

  /**
   * {@code kind} (default PATH), {@code targets} (several target years; instead of targetYear/targetValue),
   * {@code maxDataAgeYears} and {@code source} (INVENTORY) are docs/indicators.md's.
   */
  public record IndicatorEntry(String code, String name, String unit, String measure, String department,
      String direction, Integer baseYear, BigDecimal baseValue, Integer targetYear, BigDecimal targetValue,
      String kind, List<TargetEntry> targets, Integer maxDataAgeYears, String source,
      Integer retiredFrom, String replaces) {}

  /** A target year's value, or for a STAGES indicator the stage planned by that year. */
  public record TargetEntry(Integer year, BigDecimal value, String stage) {}

  /** The municipality's review bodies, their order and the year's schedule (docs/governance.md), optional. */
  record GovernanceEntry(ScheduleEntry schedule, BodiesEntry bodies, String order) {}

  /**
   * Each step a month-day {@code "MM-DD"} or {@code {"businessDaysAfter": "<step>", "days": n}}; read as a
   * tree because either is allowed ({@link PlanGovernanceValidator} checks both).
   */
  record ScheduleEntry(JsonNode aprilCheck, JsonNode selfAssessmentDue, JsonNode julyCalculation, JsonNode checkDue,
      JsonNode headquartersDue, JsonNode liaisonMeeting, JsonNode committee, JsonNode actionDue,
      JsonNode publicationDue) {}

  record BodiesEntry(BodyEntry headquarters, BodyEntry liaison, BodyEntry committee) {}

  /** {@code kind} only for the committee (ADVISORY | APPROVING); no {@code years}: every year. */
  record BodyEntry(String name, String kind, YearsEntry years) {}

  /** Meets in {@code from}, every {@code every} years after it, and in the mid-term and the final year. */
  record YearsEntry(Integer every, Integer from, Integer midTermYear, Integer finalYear) {}

  /** {@code emissions}: the target in t-CO2, instead of or besides {@code reductionPercent}. */
  record EmissionTargetEntry(Integer year, BigDecimal reductionPercent, String label, BigDecimal emissions) {}

  /** The plan's period and this version's effective year and reason (docs/plan-versions.md). */
  record PlanEntry(Integer firstYear, Integer lastYear, Integer effectiveYear, String reason) {}
}

package jp.climatepdca.area;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import jp.climatepdca.evaluation.IndicatorGradeView;

/**
 * The area secretariat's compilation of a fiscal year (各団体の施策評価、圏域排出量の整理): every member's
 * verified emissions inventory of the cycle's inventory year, summed by sector and by gas, against the area's
 * base year and reduction targets; and the progress of every shared measure by member, from the members'
 * submitted self-assessments of the reviewed year. Stored as JSON (area_compilation.content) when compiled,
 * so later changes of a member's data do not change what the liaison meeting saw. Copied values only.
 *
 * <p>{@code complete} is false when a member has no accepted inventory: such a member is listed in
 * {@code missingInventories} and counts in no sum, and the area total is then not compared with the base
 * year or the target path (a part of the area against the whole area's target would mislead).
 */
public record AreaCompilation(String area, String areaName, int fiscalYear, int reviewYear, int inventoryYear,
    int number, Instant compiledAt, List<MemberEmissions> members, List<SectorSum> sectors, List<GasSum> gases,
    BigDecimal total, boolean complete, List<String> missingInventories, BaseYear baseYear, List<Target> targets,
    TargetPath targetPath, List<SharedMeasureProgress> measures, List<IndicatorGradeView> indicators) {

  /**
   * {@code indicators}: the area plan's indicators graded by the plan's rules (docs/indicators.md), null in a
   * compilation stored before area indicators were graded (the report then shows them without a grade).
   */
  public AreaCompilation {}

  /**
   * A member's inventory: the accepted version ({@code version}, {@code versionLabel}) with its t-CO2 by sector
   * label and by gas, its total and its change from the area's base year; or {@code missing} with the reason.
   */
  public record MemberEmissions(String code, String name, boolean lead, boolean missing, String note,
      Integer version, String versionLabel, BigDecimal total, Map<String, BigDecimal> bySector,
      Map<String, BigDecimal> byGas, BigDecimal baseYearTotal, BigDecimal changeFromBaseYearPercent) {}

  /** A sector's sum over the members ({@code byMember}: member code → t-CO2) and by gas. */
  public record SectorSum(String code, String label, BigDecimal total, Map<String, BigDecimal> byGas,
      Map<String, BigDecimal> byMember) {}

  public record GasSum(String gas, BigDecimal total) {}

  /**
   * The area's base year: the members' emissions of that year summed ({@code total}, null when a member's is
   * unknown: those are {@code missing}) and the area total's change from it.
   */
  public record BaseYear(int year, BigDecimal total, BigDecimal changePercent, List<String> missing) {}

  /** An emission target of the area: {@code reductionPercent} below the base year by {@code year} ({@code total} t-CO2). */
  public record Target(int year, BigDecimal reductionPercent, String label, BigDecimal total) {}

  /** The straight path from the base year through the targets at the inventory year, and how the total stands. */
  public record TargetPath(int year, BigDecimal pathTotal, BigDecimal gapPercent, Boolean onTrack) {}

  /** A shared measure (key projects: 重点事業) with each implementing or studying member's own progress. */
  public record SharedMeasureProgress(String code, String name, String sector, boolean keyProject,
      String description, List<MemberProgress> members) {}

  /**
   * A member's part in a shared measure: its kind (実施事業 / 検討事業), its own measure, and what its submitted
   * self-assessment says ({@code status}: ASSESSED, NOT_SUBMITTED, NOT_ASSESSED, NO_MEASURE;
   * {@code progress} a Progress name and {@code progressLabel} its Japanese label, or the status's label).
   */
  public record MemberProgress(String municipality, String name, String kind, String kindLabel, String memberMeasure,
      String status, String progress, String progressLabel, String achievements, String issues, String nextSteps) {}

  /** The key projects (重点事業), in file order. */
  public List<SharedMeasureProgress> keyProjects() {
    return measures.stream().filter(SharedMeasureProgress::keyProject).toList();
  }

  /** Members' entries per progress label over every shared measure, in the order of the grades, then the rest. */
  public Map<String, Long> progressCounts() {
    var counts = new java.util.LinkedHashMap<String, Long>();
    MemberProgressLabels.ORDER.forEach(label -> counts.put(label, 0L));
    measures.forEach(m -> m.members().forEach(p -> counts.merge(p.progressLabel(), 1L, Long::sum)));
    counts.values().removeIf(n -> n == 0);
    return counts;
  }
}

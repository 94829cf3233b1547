package jp.climatepdca.emission;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * An inventory year as GET /api/emissions/{municipality}/{inventoryYear} answers it: the current version's
 * t-CO2 by sector and gas, the total, and the change against the base year and the previous year (percent,
 * one decimal; null where that year has no inventory), and against the plan's target path ({@code targetPath},
 * null when the plan sets no reduction target or the base year's emissions are unknown). A base-year total
 * stated in the plan is the base of both comparisons.
 */
public record InventoryReport(String municipality, String municipalityName, int inventoryYear,
    VersionView version, List<SectorFigure> sectors, BigDecimal total, Comparison baseYear,
    Comparison previousYear, List<VersionView> versions, PathComparison targetPath) {

  public record SectorFigure(InventorySector sector, String label, Map<Gas, BigDecimal> byGas, BigDecimal total,
      BigDecimal baseYearTotal, BigDecimal changeFromBaseYearPercent, BigDecimal previousYearTotal) {}

  public record Comparison(int year, BigDecimal total, BigDecimal changePercent) {}

  /**
   * The inventory year's point on the target path: the path's t-CO2 ({@code pathTotal}, {@code pathChangePercent}
   * from the base), how far the total is above (+) or below (−) it in percent, and whether it is on or below it.
   */
  public record PathComparison(int year, BigDecimal pathTotal, BigDecimal pathChangePercent, BigDecimal gapPercent,
      boolean onTrack, String baseSource, List<EmissionTargetPath.Milestone> milestones) {}
}

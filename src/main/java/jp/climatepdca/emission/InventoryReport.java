package jp.climatepdca.emission;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * An inventory year as GET /api/emissions/{municipality}/{inventoryYear} answers it: the current version's
 * t-CO2 by sector and gas, the total, and the change against the base year and the previous year (percent,
 * one decimal; null where that year has no inventory).
 */
public record InventoryReport(String municipality, String municipalityName, int inventoryYear,
    VersionView version, List<SectorFigure> sectors, BigDecimal total, Comparison baseYear,
    Comparison previousYear, List<VersionView> versions) {

  public record SectorFigure(InventorySector sector, String label, Map<Gas, BigDecimal> byGas, BigDecimal total,
      BigDecimal baseYearTotal, BigDecimal changeFromBaseYearPercent, BigDecimal previousYearTotal) {}

  public record Comparison(int year, BigDecimal total, BigDecimal changePercent) {}
}

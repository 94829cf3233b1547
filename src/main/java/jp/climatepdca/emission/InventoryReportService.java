package jp.climatepdca.emission;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import jp.climatepdca.emission.InventoryReport.Comparison;
import jp.climatepdca.emission.InventoryReport.SectorFigure;
import jp.climatepdca.plan.PlanService;
import jp.climatepdca.system.NotFoundException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads calculated inventories: the current version of a year, compared with the base and previous year. */
@Service
@Transactional(readOnly = true)
public class InventoryReportService {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private final EmissionInventoryRepository inventories;
  private final PlanService plan;
  private final EmissionTargetPathService paths;
  private final JdbcTemplate jdbc;

  InventoryReportService(EmissionInventoryRepository inventories, PlanService plan, EmissionTargetPathService paths,
      JdbcTemplate jdbc) {
    this.inventories = inventories;
    this.plan = plan;
    this.paths = paths;
    this.jdbc = jdbc;
  }

  public Optional<InventoryReport> find(String municipality, int inventoryYear) {
    var m = plan.municipality(municipality);
    return inventories.findByMunicipalityCodeAndInventoryYearAndCurrentTrue(municipality, inventoryYear)
        .map(current -> report(m.code(), m.name(), m.baseYear(), inventoryYear, current));
  }

  /**
   * The newest version of the year that the municipality's secretariat accepted (排出量の確認), with its
   * figures: what another body (the area) may count as the municipality's verified inventory. Empty while no
   * version is accepted, even when one is calculated; a later recalculation awaiting its check does not hide
   * the accepted one.
   */
  public Optional<InventoryReport> findAccepted(String municipality, int inventoryYear) {
    var m = plan.municipality(municipality);
    return inventories.findFirstByMunicipalityCodeAndInventoryYearAndStatusOrderByVersionDesc(municipality,
        inventoryYear, EmissionInventory.Status.ACCEPTED)
        .map(accepted -> report(m.code(), m.name(), m.baseYear(), inventoryYear, accepted));
  }

  /** The base year the comparisons use (the plan's, FY2013 unless it says otherwise). */
  public int baseYear(String municipality) {
    return plan.municipality(municipality).baseYear();
  }

  public InventoryReport report(String municipality, int inventoryYear) {
    return find(municipality, inventoryYear).orElseThrow(() -> new NotFoundException(
        inventoryYear + "年度の排出量（" + municipality + "）はまだ算定されていません"));
  }

  private InventoryReport report(String code, String name, int baseYear, int year, EmissionInventory shown) {
    var figures = figures(shown.id());
    var base = sectorTotals(code, baseYear);
    var previous = sectorTotals(code, year - 1);
    var sectors = new ArrayList<SectorFigure>();
    var total = BigDecimal.ZERO;
    for (var sector : InventorySector.values()) {
      var byGas = figures.getOrDefault(sector, Map.of());
      if (byGas.isEmpty() && !base.containsKey(sector)) {
        continue;
      }
      var sum = byGas.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
      total = total.add(sum);
      sectors.add(new SectorFigure(sector, sector.label(), byGas, sum, base.get(sector),
          percent(sum, base.get(sector)), previous.get(sector)));
    }
    var baseTotal = paths.baseTotal(code).orElse(null);
    var previousTotal = sum(previous);
    var versions = inventories.findByMunicipalityCodeAndInventoryYearOrderByVersionDesc(code, year).stream()
        .map(EmissionInventory::view).toList();
    return new InventoryReport(code, name, year, shown.view(), sectors, total,
        new Comparison(baseYear, baseTotal, percent(total, baseTotal)),
        new Comparison(year - 1, previousTotal, percent(total, previousTotal)), versions, pathComparison(code, year, total));
  }

  private InventoryReport.PathComparison pathComparison(String municipality, int year, BigDecimal total) {
    // the targets of the plan version in force in the inventory year: a revision never moves a past year's path
    return paths.path(municipality, year).filter(p -> year >= p.baseYear()).map(p -> {
      var pathTotal = p.valueAt(year);
      return new InventoryReport.PathComparison(year, pathTotal, percent(pathTotal, p.baseTotal()),
          percent(total, pathTotal), total.compareTo(pathTotal) <= 0, p.baseSource(), p.milestones());
    }).orElse(null);
  }

  private Map<InventorySector, Map<Gas, BigDecimal>> figures(long inventoryId) {
    var figures = new EnumMap<InventorySector, Map<Gas, BigDecimal>>(InventorySector.class);
    jdbc.query("select sector, gas, t_co2 from emission_result where inventory_id = ?", rs -> {
      figures.computeIfAbsent(InventorySector.valueOf(rs.getString(1)), s -> new EnumMap<>(Gas.class))
          .put(Gas.valueOf(rs.getString(2)), rs.getBigDecimal(3));
    }, inventoryId);
    return figures;
  }

  /** The current version's t-CO2 per sector of another year; empty when that year was never calculated. */
  private Map<InventorySector, BigDecimal> sectorTotals(String municipality, int year) {
    var totals = new EnumMap<InventorySector, BigDecimal>(InventorySector.class);
    jdbc.query("select r.sector, sum(r.t_co2) from emission_result r join emission_inventory i on i.id = r.inventory_id"
        + " where i.municipality_code = ? and i.inventory_year = ? and i.is_current = true group by r.sector", rs -> {
          totals.put(InventorySector.valueOf(rs.getString(1)), rs.getBigDecimal(2));
        }, municipality, year);
    return totals;
  }

  private static BigDecimal sum(Map<InventorySector, BigDecimal> totals) {
    return totals.isEmpty() ? null : totals.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /** (value − reference) / reference in percent, one decimal; null without a reference. */
  public static BigDecimal percent(BigDecimal value, BigDecimal reference) {
    if (value == null || reference == null || reference.signum() == 0) {
      return null;
    }
    return value.subtract(reference).multiply(HUNDRED).divide(reference, 1, RoundingMode.HALF_UP);
  }
}

package jp.climatepdca.emission;

import java.math.BigDecimal;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The total t-CO2 of each year's current inventory that the secretariat accepted (verified): the actual
 * values of a plan's GHG indicator whose source is the inventory (docs/indicators.md), so nobody types
 * the figure the engine calculated. A version that is only calculated, or returned, does not count.
 */
@Service
@Transactional(readOnly = true)
public class VerifiedEmissionTotals {

  private final JdbcTemplate jdbc;

  VerifiedEmissionTotals(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** One year's verified total and the version it comes from. */
  public record YearTotal(int year, BigDecimal total, int version) {}

  /** Every year with a current, accepted inventory, oldest first. */
  public List<YearTotal> totals(String municipality) {
    return jdbc.query("select i.inventory_year, sum(r.t_co2), i.version from emission_inventory i"
        + " join emission_result r on r.inventory_id = i.id where i.municipality_code = ? and i.is_current = true"
        + " and i.status = ? group by i.inventory_year, i.version order by i.inventory_year",
        (rs, n) -> new YearTotal(rs.getInt(1), rs.getBigDecimal(2), rs.getInt(3)), municipality,
        EmissionInventory.Status.ACCEPTED.name());
  }
}

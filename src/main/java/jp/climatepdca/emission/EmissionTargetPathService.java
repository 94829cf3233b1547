package jp.climatepdca.emission;

import java.math.BigDecimal;
import java.util.Optional;
import jp.climatepdca.plan.PlanIndicatorService;
import jp.climatepdca.plan.PlanService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The plan's GHG target path (see {@link EmissionTargetPath}) for the verification form, the emissions API,
 * the Check forms and the annual report. A base stated in the plan wins over a calculated inventory of the
 * base year, since the plan's targets were set against the figure it states.
 */
@Service
@Transactional(readOnly = true)
public class EmissionTargetPathService {

  private final PlanService plan;
  private final PlanIndicatorService planTargets;
  private final JdbcTemplate jdbc;

  EmissionTargetPathService(PlanService plan, PlanIndicatorService planTargets, JdbcTemplate jdbc) {
    this.plan = plan;
    this.planTargets = planTargets;
    this.jdbc = jdbc;
  }

  /** Empty when the plan sets no reduction target or the base year's emissions are unknown. */
  public Optional<EmissionTargetPath> path(String municipality) {
    return path(municipality, planTargets.emissionTargets(municipality));
  }

  /** The path of the targets the plan version in force in {@code planYear} set (docs/plan-versions.md). */
  public Optional<EmissionTargetPath> path(String municipality, int planYear) {
    return path(municipality, planTargets.emissionTargets(municipality, planYear));
  }

  private Optional<EmissionTargetPath> path(String municipality, java.util.List<jp.climatepdca.plan.EmissionTargetView> targets) {
    var m = plan.municipality(municipality);
    if (targets.isEmpty()) {
      return Optional.empty();
    }
    var stated = m.baseEmissions();
    var base = stated != null ? stated : inventoryTotal(municipality, m.baseYear());
    if (base == null) {
      return Optional.empty();
    }
    var milestones = targets.stream()
        .map(t -> EmissionTargetPath.milestone(base, t.year(), t.reductionPercent(), t.label(), t.emissions())).toList();
    return Optional.of(new EmissionTargetPath(municipality, m.baseYear(), base, stated != null ? "PLAN" : "INVENTORY",
        milestones));
  }

  /** The base year's emissions the comparisons use: stated in the plan, else the calculated inventory's. */
  public Optional<BigDecimal> baseTotal(String municipality) {
    var m = plan.municipality(municipality);
    return Optional.ofNullable(m.baseEmissions() != null ? m.baseEmissions() : inventoryTotal(municipality, m.baseYear()));
  }

  private BigDecimal inventoryTotal(String municipality, int year) {
    return jdbc.queryForObject("select sum(r.t_co2) from emission_result r join emission_inventory i"
        + " on i.id = r.inventory_id where i.municipality_code = ? and i.inventory_year = ? and i.is_current = true",
        BigDecimal.class, municipality, year);
  }
}

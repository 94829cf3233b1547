package jp.climatepdca.emission;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The plan's GHG target path: from the base year's emissions in straight lines through each reduction
 * target (t-CO2), flat after the last one. {@code baseSource} says where the base came from: {@code PLAN}
 * (stated in the plan file) or {@code INVENTORY} (the base year's current calculated inventory).
 */
public record EmissionTargetPath(String municipality, int baseYear, BigDecimal baseTotal, String baseSource,
    List<Milestone> milestones) {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  /** A target: {@code reductionPercent} below the base by {@code year}, i.e. {@code total} t-CO2. */
  public record Milestone(int year, BigDecimal reductionPercent, String label, BigDecimal total) {}

  /** A target on a base: also the area's targets on the sum of its members' base-year emissions. */
  public static Milestone milestone(BigDecimal baseTotal, int year, BigDecimal reductionPercent, String label) {
    var total = baseTotal.multiply(HUNDRED.subtract(reductionPercent)).divide(HUNDRED, 6, RoundingMode.HALF_UP);
    return new Milestone(year, reductionPercent, label, total);
  }

  /** The path's t-CO2 in a fiscal year (6 decimals); null before the base year. */
  public BigDecimal valueAt(int year) {
    if (year < baseYear) {
      return null;
    }
    int fromYear = baseYear;
    var from = baseTotal;
    for (var m : milestones) {
      if (year <= m.year()) {
        var slope = m.total().subtract(from).multiply(BigDecimal.valueOf(year - fromYear));
        return from.add(slope.divide(BigDecimal.valueOf(m.year() - fromYear), 6, RoundingMode.HALF_UP))
            .setScale(6, RoundingMode.HALF_UP);
      }
      fromYear = m.year();
      from = m.total();
    }
    return from.setScale(6, RoundingMode.HALF_UP);
  }
}

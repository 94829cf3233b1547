package jp.climatepdca.area;

import java.math.BigDecimal;
import java.util.Optional;
import jp.climatepdca.area.AreaCompilation.MemberEmissions;
import org.springframework.stereotype.Component;

/**
 * The area cycle's emissions totals (GET /api/area-cycles/{area}/{fiscalYear}) from the year's newest STORED
 * compilation: the figures the area secretariat and the liaison meeting work with, each member's counted
 * version included. Before the year is compiled the totals are empty (null in the status), rather than computed
 * from what the members' secretariats accepted: a member that has not handed its result to the area yet keeps it
 * to itself (the area reads submitted results only), and a status read 18 times a minute must not compile.
 */
@Component
class CompiledEmissionTotals implements AreaEmissionTotals {

  private final AreaCompilationService compilations;

  CompiledEmissionTotals(AreaCompilationService compilations) {
    this.compilations = compilations;
  }

  @Override
  public Optional<BigDecimal> areaTotal(String area, int fiscalYear) {
    return compilations.latest(area, fiscalYear).map(AreaCompilation::total);
  }

  @Override
  public Optional<BigDecimal> memberTotal(String area, int fiscalYear, String municipality) {
    return compilations.latest(area, fiscalYear).flatMap(c -> c.members().stream()
        .filter(m -> m.code().equals(municipality)).findFirst().map(MemberEmissions::total));
  }
}

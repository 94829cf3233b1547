package jp.climatepdca.area;

import java.util.LinkedHashMap;
import org.springframework.stereotype.Component;

/**
 * The area cycle's status shows the totals of the year's newest compilation; before the first one, the
 * totals as the compilation would count them now (one computation per member: a GET of the area's staff).
 */
@Component
class CompiledEmissionTotals implements AreaEmissionTotals {

  private final AreaCompilationService compilations;
  private final AreaPlanService areas;

  CompiledEmissionTotals(AreaCompilationService compilations, AreaPlanService areas) {
    this.compilations = compilations;
    this.areas = areas;
  }

  @Override
  public Totals totals(String area, int fiscalYear) {
    var members = new LinkedHashMap<String, java.math.BigDecimal>();
    var stored = compilations.latest(area, fiscalYear);
    if (stored.isPresent()) {
      stored.get().members().stream().filter(m -> m.total() != null).forEach(m -> members.put(m.code(), m.total()));
      return new Totals(stored.get().total(), members);
    }
    areas.find(area).ifPresent(view -> view.members().forEach(m -> compilations.memberTotal(area, fiscalYear, m)
        .ifPresent(total -> members.put(m, total))));
    return new Totals(compilations.areaTotal(area, fiscalYear).orElse(null), members);
  }
}

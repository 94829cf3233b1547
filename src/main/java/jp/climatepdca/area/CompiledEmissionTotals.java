package jp.climatepdca.area;

import java.util.LinkedHashMap;
import org.springframework.stereotype.Component;

/**
 * The area cycle's status shows the totals of the year's newest compilation; before the first one, the
 * totals of the members that have handed in, as the compilation would count them now (a member that has not
 * handed in keeps its figures to itself: the area reads submitted results only).
 */
@Component
class CompiledEmissionTotals implements AreaEmissionTotals {

  private final AreaCompilationService compilations;
  private final AreaCycleMemberRepository cycleMembers;

  CompiledEmissionTotals(AreaCompilationService compilations, AreaCycleMemberRepository cycleMembers) {
    this.compilations = compilations;
    this.cycleMembers = cycleMembers;
  }

  @Override
  public Totals totals(String area, int fiscalYear) {
    var members = new LinkedHashMap<String, java.math.BigDecimal>();
    var stored = compilations.latest(area, fiscalYear);
    if (stored.isPresent()) {
      stored.get().members().stream().filter(m -> m.total() != null).forEach(m -> members.put(m.code(), m.total()));
      return new Totals(stored.get().total(), members);
    }
    cycleMembers.findByAreaCodeAndFiscalYearOrderByPosition(area, fiscalYear).stream()
        .filter(AreaCycleMember::submitted).map(AreaCycleMember::municipalityCode)
        .forEach(m -> compilations.memberTotal(area, fiscalYear, m).ifPresent(total -> members.put(m, total)));
    return new Totals(members.isEmpty() ? null
        : members.values().stream().reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add), members);
  }
}

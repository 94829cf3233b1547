package jp.climatepdca.area;

import jp.climatepdca.system.CycleReference;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_StartMemberCycles (構成市町村の年度サイクルの開始・参加): runs inside {@link AreaCycleStarter}'s
 * transaction; the area and year come from the business key, the starter's name from table area_cycle.
 */
@Component("startMemberCyclesDelegate")
class StartMemberCyclesDelegate implements JavaDelegate {

  private final AreaPlanService areas;
  private final AreaCycleRepository cycles;
  private final AreaMembership membership;

  StartMemberCyclesDelegate(AreaPlanService areas, AreaCycleRepository cycles, AreaMembership membership) {
    this.areas = areas;
    this.cycles = cycles;
    this.membership = membership;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var ref = CycleReference.of(execution);
    var area = areas.find(ref.municipality()).orElseThrow(() -> new IllegalStateException("no area " + ref.municipality()));
    var cycle = cycles.findByAreaCodeAndFiscalYear(area.code(), ref.fiscalYear())
        .orElseThrow(() -> new IllegalStateException("area cycle " + ref.businessKey() + " has no row"));
    membership.joinAll(area, ref.fiscalYear(), cycle.startedBy());
  }
}

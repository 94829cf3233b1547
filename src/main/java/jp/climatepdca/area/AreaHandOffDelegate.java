package jp.climatepdca.area;

import jp.climatepdca.cycle.FiscalYearCycleProcess;
import jp.climatepdca.system.CycleReference;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * fiscal-year-cycle.bpmn's Task_DecideAreaHandOff (圏域への提出の判定): a member's cycle hands its result
 * to the area only when the area cycle of its year started or adopted it (table area_cycle_member) and the
 * secretariat did not decide to go on without it; otherwise it goes on alone as any municipality does. The
 * flag is set here, right before its gateway reads it, from the business key and our table only.
 */
@Component("areaHandOffDelegate")
class AreaHandOffDelegate implements JavaDelegate {

  private final AreaCycleMemberRepository members;

  AreaHandOffDelegate(AreaCycleMemberRepository members) {
    this.members = members;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var cycle = CycleReference.of(execution);
    var handsIn = members.findByMunicipalityCodeAndFiscalYear(cycle.municipality(), cycle.fiscalYear())
        .filter(m -> m.memberProcessInstanceId().equals(execution.getProcessInstanceId()))
        .filter(m -> !m.proceededWithout())
        .isPresent();
    execution.setVariable(FiscalYearCycleProcess.HAND_TO_AREA, handsIn);
  }
}

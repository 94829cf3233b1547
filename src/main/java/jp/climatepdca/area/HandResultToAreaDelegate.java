package jp.climatepdca.area;

import java.time.Instant;
import jp.climatepdca.system.CycleReference;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * fiscal-year-cycle.bpmn's Event_ResultHandedToArea (圏域への結果の提出): records the hand-in and
 * correlates AreaMemberResult to the area cycle's receive task whose local {@code member} is this
 * municipality (the multi-instance's, or the one waiting for a returned member). Asynchronous in the BPMN:
 * a job runs it without the headquarters user's tenant, so it finds the area's instance.
 */
@Component("handResultToAreaDelegate")
class HandResultToAreaDelegate implements JavaDelegate {

  private final AreaCycleMemberRepository members;
  private final RuntimeService runtime;
  private final IdentityService identity;

  HandResultToAreaDelegate(AreaCycleMemberRepository members, RuntimeService runtime, IdentityService identity) {
    this.members = members;
    this.runtime = runtime;
    this.identity = identity;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var cycle = CycleReference.of(execution);
    var member = members.findByMunicipalityCodeAndFiscalYear(cycle.municipality(), cycle.fiscalYear())
        .orElseThrow(() -> new IllegalStateException(cycle.businessKey() + " is no member of an area cycle"));
    member.submitted(Instant.now());
    // a job of this tenant reaching another tenant's instance (CrossTenant)
    CrossTenant.asEngine(identity, () -> runtime.createMessageCorrelation(AreaCycleProcess.MESSAGE_MEMBER_RESULT)
        .processInstanceBusinessKey(member.areaCode() + ":" + member.fiscalYear())
        .localVariableEquals(AreaCycleProcess.MEMBER, member.municipalityCode())
        .correlateWithResult());
  }
}

package jp.climatepdca.area;

import java.time.Instant;
import jp.climatepdca.cycle.FiscalYearCycleProcess;
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
 * a job runs it without the headquarters user, and CrossTenant lifts the job's own tenant so it finds the area's
 * instance.
 *
 * <p>The area may no longer wait for this member: the secretariat went on without it after its headquarters
 * approved. Then nothing is recorded and {@code handedInToArea} is false: the member goes on alone. When the
 * secretariat's decision and the hand-in cross, both change the member's sub-process of the area and one
 * of them fails on the engine's optimistic lock; this job is then retried and finds the decision.
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
    var areaKey = member.areaCode() + ":" + member.fiscalYear();
    // a job of this tenant looking at and reaching the area's instance, another tenant's (CrossTenant): with the
    // job's tenant authentication the query would find nothing and the member would go on alone
    var waiting = CrossTenant.asEngine(identity, () -> {
      var waits = !member.proceededWithout() && runtime.createExecutionQuery().processInstanceBusinessKey(areaKey)
          .messageEventSubscriptionName(AreaCycleProcess.MESSAGE_MEMBER_RESULT)
          .variableValueEquals(AreaCycleProcess.MEMBER, member.municipalityCode()).count() > 0;
      if (waits) {
        member.submitted(Instant.now());
        runtime.createMessageCorrelation(AreaCycleProcess.MESSAGE_MEMBER_RESULT)
            .processInstanceBusinessKey(areaKey)
            .localVariableEquals(AreaCycleProcess.MEMBER, member.municipalityCode())
            .correlateWithResult();
      }
      return waits;
    });
    execution.setVariable(FiscalYearCycleProcess.HANDED_IN_TO_AREA, waiting);
  }
}

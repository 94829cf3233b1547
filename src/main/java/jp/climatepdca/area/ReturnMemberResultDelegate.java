package jp.climatepdca.area;

import java.util.Comparator;
import jp.climatepdca.system.CycleReference;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_ReturnMemberResult (構成市町村への差戻し): the member the liaison meeting returned (recorded in
 * area_cycle_member by its listener) gets AreaResultReturned and reworks from its Task_CompileCheck, where
 * the comment shows; the area then waits for that member's result ({@code returnedMember}, read by
 * Task_AwaitReturnedResult's local {@code member}). Asynchronous: no liaison user's tenant limits the job.
 */
@Component("returnMemberResultDelegate")
class ReturnMemberResultDelegate implements JavaDelegate {

  private final AreaCycleMemberRepository members;
  private final RuntimeService runtime;
  private final IdentityService identity;

  ReturnMemberResultDelegate(AreaCycleMemberRepository members, RuntimeService runtime, IdentityService identity) {
    this.members = members;
    this.runtime = runtime;
    this.identity = identity;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var cycle = CycleReference.of(execution);
    var returned = members.findByAreaCodeAndFiscalYearOrderByPosition(cycle.municipality(), cycle.fiscalYear())
        .stream().filter(AreaCycleMember::awaitingResubmission)
        .max(Comparator.comparing(AreaCycleMember::returnedAt))
        .orElseThrow(() -> new IllegalStateException(cycle.businessKey() + ": no member was returned"));
    // a job of this tenant reaching another tenant's instance (CrossTenant)
    CrossTenant.asEngine(identity, () -> runtime.createMessageCorrelation(AreaCycleProcess.MESSAGE_RESULT_RETURNED)
        .processInstanceId(returned.memberProcessInstanceId())
        .correlateWithResult());
    execution.setVariable(AreaCycleProcess.RETURNED_MEMBER, returned.municipalityCode());
  }
}

package jp.climatepdca.area;

import java.time.Instant;
import jp.climatepdca.system.CycleReference;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_NotifyMembers (構成市町村への決定の通知): AreaDecisionsMade to every member that handed in; each goes
 * on to its Action step (which shows the area's decisions on the shared measures it implements) and its
 * publication. A member the area went on without was never waiting: it went on alone. A retried job skips
 * the members already notified.
 */
@Component("notifyMembersDelegate")
class NotifyMembersDelegate implements JavaDelegate {

  private final AreaCycleMemberRepository members;
  private final RuntimeService runtime;
  private final IdentityService identity;

  NotifyMembersDelegate(AreaCycleMemberRepository members, RuntimeService runtime, IdentityService identity) {
    this.members = members;
    this.runtime = runtime;
    this.identity = identity;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var cycle = CycleReference.of(execution);
    for (var member : members.findByAreaCodeAndFiscalYearOrderByPosition(cycle.municipality(), cycle.fiscalYear())) {
      if (!member.submitted() || member.proceededWithout() || member.decisionsSentAt() != null) {
        continue;
      }
      // a job of this tenant reaching another tenant's instance (CrossTenant)
      CrossTenant.asEngine(identity, () -> runtime.createMessageCorrelation(AreaCycleProcess.MESSAGE_DECISIONS_MADE)
          .processInstanceId(member.memberProcessInstanceId())
          .correlateWithResult());
      member.decisionsSent(Instant.now());
    }
  }
}

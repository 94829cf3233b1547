package jp.climatepdca.area;

import java.time.Instant;
import jp.climatepdca.evaluation.EvaluationService;
import jp.climatepdca.system.CycleReference;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_NotifyMembers (構成市町村への決定の通知): AreaDecisionsMade to every member that handed in; each goes
 * on to its Action step (which shows the area's decisions on the shared measures it implements) and its
 * publication. A member the area went on without was never waiting: it went on alone; when its own Action
 * step already ran, the area's decisions are applied to its measures here, as the area's
 * ({@link EvaluationService#applyAreaDecisions}); otherwise its Action step takes them. A retried job skips
 * the members already notified and changes no decision twice.
 */
@Component("notifyMembersDelegate")
class NotifyMembersDelegate implements JavaDelegate {

  private final AreaCycleMemberRepository members;
  private final RuntimeService runtime;
  private final IdentityService identity;
  private final AreaActions actions;
  private final EvaluationService evaluations;

  NotifyMembersDelegate(AreaCycleMemberRepository members, RuntimeService runtime, IdentityService identity,
      AreaActions actions, EvaluationService evaluations) {
    this.members = members;
    this.runtime = runtime;
    this.identity = identity;
    this.actions = actions;
    this.evaluations = evaluations;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var cycle = CycleReference.of(execution);
    for (var member : members.findByAreaCodeAndFiscalYearOrderByPosition(cycle.municipality(), cycle.fiscalYear())) {
      evaluations.applyAreaDecisions(member.municipalityCode(), cycle.fiscalYear(),
          actions.binding(member.municipalityCode(), cycle.fiscalYear()));
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

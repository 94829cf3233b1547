package jp.climatepdca.cycle;

import java.time.Instant;
import java.util.Optional;
import jp.climatepdca.plan.PlanGovernance;
import jp.climatepdca.plan.PlanGovernance.Body;
import jp.climatepdca.plan.PlanGovernance.CommitteeKind;
import jp.climatepdca.plan.PlanGovernance.ReviewOrder;
import jp.climatepdca.plan.PlanGovernanceService;
import jp.climatepdca.system.CycleReference;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The governance a cycle runs with (bean {@code cycleGovernance}, docs/governance.md): the plan's block as it
 * was when the cycle started, so a plan revised during the year changes the next year only. The BPMN's
 * gateways ask it which review steps run; it answers from the business key and our tables, never from a
 * process variable a user could write. Without a block: every step as today.
 */
@Component("cycleGovernance")
public class CycleGovernance {

  private final CycleGovernanceRepository snapshots;
  private final PlanGovernanceService plans;

  CycleGovernance(CycleGovernanceRepository snapshots, PlanGovernanceService plans) {
    this.snapshots = snapshots;
    this.plans = plans;
  }

  /**
   * Called by CycleStarter, which has made sure no cycle of the year exists, before the engine creates the
   * first timers; a row left by a cycle since removed is replaced.
   */
  @Transactional
  void take(String municipality, int fiscalYear) {
    var document = plans.forYear(municipality, fiscalYear).map(plans::write).orElse(null);
    snapshots.save(new CycleGovernanceRow(municipality, fiscalYear, document, Instant.now()));
  }

  /** The cycle's own when it started through CycleStarter; else the block of the plan version in force. */
  public Optional<PlanGovernance> of(String municipality, int fiscalYear) {
    var snapshot = snapshots.findById(new CycleGovernanceRow.Key(municipality, fiscalYear));
    if (snapshot.isPresent()) {
      return Optional.ofNullable(snapshot.get().document()).map(plans::read);
    }
    return plans.forYear(municipality, fiscalYear);
  }

  /** Whether the internal evaluation (推進本部 …) meets in this cycle's year. */
  public boolean headquartersMeets(DelegateExecution execution) {
    var cycle = CycleReference.of(execution);
    return body(cycle, PlanGovernance::headquarters).map(b -> b.meetsIn(cycle.fiscalYear())).orElse(true);
  }

  /** The committee reviews before the annual report (today's place) this year. */
  public boolean committeeBeforePublishing(DelegateExecution execution) {
    var cycle = CycleReference.of(execution);
    return committeeMeets(cycle) && order(cycle) == ReviewOrder.HEAR_BEFORE_PUBLISHING;
  }

  /** The published report is reported to the committee, which gives opinions for the next year (川崎市). */
  public boolean committeeAfterPublishing(DelegateExecution execution) {
    var cycle = CycleReference.of(execution);
    return committeeMeets(cycle) && order(cycle) == ReviewOrder.REPORT_AFTER_PUBLISHING;
  }

  /** An advisory committee gives opinions only: the result cannot be sent back. */
  public boolean committeeMayReturn(String municipality, int fiscalYear) {
    return of(municipality, fiscalYear).map(PlanGovernance::committee).map(Body::kind)
        .map(kind -> kind != CommitteeKind.ADVISORY).orElse(true);
  }

  /** The body's name for a task or group, or {@code fallback} when the plan names none. */
  public String name(String municipality, int fiscalYear, String role, String fallback) {
    return of(municipality, fiscalYear).map(g -> switch (role) {
      case "headquarters" -> g.headquarters();
      case "liaison" -> g.liaison();
      case "committee" -> g.committee();
      default -> throw new IllegalArgumentException(role);
    }).map(Body::name).orElse(fallback);
  }

  private boolean committeeMeets(CycleReference cycle) {
    return body(cycle, PlanGovernance::committee).map(b -> b.meetsIn(cycle.fiscalYear())).orElse(true);
  }

  private ReviewOrder order(CycleReference cycle) {
    return of(cycle.municipality(), cycle.fiscalYear()).map(PlanGovernance::order)
        .orElse(ReviewOrder.HEAR_BEFORE_PUBLISHING);
  }

  private Optional<Body> body(CycleReference cycle, java.util.function.Function<PlanGovernance, Body> which) {
    return of(cycle.municipality(), cycle.fiscalYear()).map(which);
  }
}

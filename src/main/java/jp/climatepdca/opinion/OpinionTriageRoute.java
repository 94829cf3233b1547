package jp.climatepdca.opinion;

import java.time.Instant;
import java.util.Date;
import jp.climatepdca.cycle.CycleSchedule;
import jp.climatepdca.system.CycleReference;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * What fiscal-year-cycle.bpmn asks on its way to Task_OpinionTriage (bean {@code opinionTriage}): whether the
 * opinions are still coming in (then Event_OpinionWindowClosed waits for {@link #windowClosesAt}), and whether
 * any opinion waits for the triage (else no task: Gateway_OpinionsReceived). The town and year come from the
 * business key, the answers from {@link OpinionWindow}, the schedule and table public_opinion, never from a
 * variable.
 *
 * <p>The triage starts the day after the window's last day, but no later than the day headquarters' evaluation
 * is due (step {@code headquartersDue}): the committee cannot wait for a window a town left open longer (the demo
 * city's is open all year), and the secretariat's triage is due by the liaison meeting's day (deadline.TaskSteps).
 * An opinion received after the triage began waits in the table for nobody: docs/opinion-triage.md.
 */
@Component("opinionTriage")
public class OpinionTriageRoute {

  private static final String LATEST_STEP = "headquartersDue";

  private final OpinionWindow window;
  private final CycleSchedule schedule;
  private final OpinionTriageService triage;

  OpinionTriageRoute(OpinionWindow window, CycleSchedule schedule, OpinionTriageService triage) {
    this.window = window;
    this.schedule = schedule;
    this.triage = triage;
  }

  /** Gateway_OpinionWindowOpen: the triage's start ({@link #windowClosesAt}) is still ahead. */
  public boolean windowOpen(DelegateExecution execution) {
    return Instant.now().isBefore(start(CycleReference.of(execution)));
  }

  /** Event_OpinionWindowClosed: midnight (Japan) after the window's last day, at the latest headquarters' day. */
  public Date windowClosesAt(DelegateExecution execution) {
    return Date.from(start(CycleReference.of(execution)));
  }

  /** Gateway_OpinionsReceived: an opinion of the town's year is still RECEIVED. */
  public boolean anyReceived(DelegateExecution execution) {
    var cycle = CycleReference.of(execution);
    return triage.anyReceived(cycle.municipality(), cycle.fiscalYear());
  }

  private Instant start(CycleReference cycle) {
    var latest = schedule.day(cycle.municipality(), cycle.fiscalYear(), LATEST_STEP);
    var day = window.of(cycle.municipality(), cycle.fiscalYear()).map(p -> p.until().plusDays(1))
        .filter(afterWindow -> afterWindow.isBefore(latest)).orElse(latest);
    return day.atStartOfDay(OpinionWindow.JAPAN).toInstant();
  }
}

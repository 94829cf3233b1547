package jp.climatepdca.opinion;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import jp.climatepdca.system.CycleReference;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * What fiscal-year-cycle.bpmn asks on its way to Task_OpinionTriage (bean {@code opinionTriage}): whether the
 * town's opinion window is still open (then Event_OpinionWindowClosed waits for the day after it closes), and
 * whether any opinion waits for the triage (else the task is not made: Gateway_OpinionsReceived). The town and
 * year come from the business key, the answers from {@link OpinionWindow} and table public_opinion, never from
 * a variable.
 */
@Component("opinionTriage")
public class OpinionTriageRoute {

  private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

  private final OpinionWindow window;
  private final OpinionTriageService triage;

  OpinionTriageRoute(OpinionWindow window, OpinionTriageService triage) {
    this.window = window;
    this.triage = triage;
  }

  /** Gateway_OpinionWindowOpen: the window's last day is today or later. */
  public boolean windowOpen(DelegateExecution execution) {
    var lastDay = lastDay(CycleReference.of(execution));
    return lastDay != null && !LocalDate.now(JAPAN).isAfter(lastDay);
  }

  /** Event_OpinionWindowClosed: midnight (Japan) after the window's last day. */
  public Date windowClosesAt(DelegateExecution execution) {
    var lastDay = lastDay(CycleReference.of(execution));
    var day = lastDay == null ? LocalDate.now(JAPAN) : lastDay.plusDays(1);
    return Date.from(day.atStartOfDay(JAPAN).toInstant());
  }

  /** Gateway_OpinionsReceived: an opinion of the town's year is still RECEIVED. */
  public boolean anyReceived(DelegateExecution execution) {
    var cycle = CycleReference.of(execution);
    return triage.anyReceived(cycle.municipality(), cycle.fiscalYear());
  }

  private LocalDate lastDay(CycleReference cycle) {
    return window.of(cycle.municipality(), cycle.fiscalYear()).map(OpinionWindow.Period::until).orElse(null);
  }
}

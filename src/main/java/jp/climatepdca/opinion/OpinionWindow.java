package jp.climatepdca.opinion;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import jp.climatepdca.cycle.CycleSchedule;
import jp.climatepdca.cycle.StartedCycles;
import jp.climatepdca.plan.PlanGovernance;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * When a town's public opinion form is open for a fiscal year (docs/opinions.md): from and until days of the
 * cycle's copied schedule (CycleSchedule.day, the plan's governance as the cycle took it, else the
 * configuration), by default from the April check to the Check's compilation (checkDue), so every opinion is
 * in before the secretariat triages them for the committee. Open only while the cycle runs; days in Japan time,
 * {@code until} included.
 */
@Component
@EnableConfigurationProperties(OpinionSettings.class)
public class OpinionWindow {

  static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

  private final OpinionSettings settings;
  private final CycleSchedule schedule;
  private final StartedCycles cycles;
  private volatile Clock clock = Clock.systemUTC();

  OpinionWindow(OpinionSettings settings, CycleSchedule schedule, StartedCycles cycles) {
    this.settings = settings;
    this.schedule = schedule;
    this.cycles = cycles;
  }

  /**
   * The window of a town's year, or empty when no cycle of that year was started (nothing to give an
   * opinion on). {@code open}: today is within the days and the cycle still runs.
   */
  public Optional<Period> of(String municipality, int fiscalYear) {
    return cycles.running(municipality, fiscalYear).map(running -> {
      var bounds = settings.window().boundsOf(municipality);
      var from = day(municipality, fiscalYear, bounds.from());
      var until = day(municipality, fiscalYear, bounds.until());
      var today = LocalDate.now(clock.withZone(JAPAN));
      var open = running && !today.isBefore(from) && !today.isAfter(until);
      return new Period(from, until, running, open);
    });
  }

  /** Whether the form takes opinions now; false for a year without a cycle. */
  public boolean isOpen(String municipality, int fiscalYear) {
    return of(municipality, fiscalYear).map(Period::open).orElse(false);
  }

  /**
   * @param from the first day the form is open
   * @param until the last day it is open
   * @param cycleRunning false once the cycle has ended (the form is closed whatever the days)
   * @param open whether it takes opinions now
   */
  public record Period(LocalDate from, LocalDate until, boolean cycleRunning, boolean open) {}

  private LocalDate day(String municipality, int fiscalYear, String bound) {
    if (PlanGovernance.STEPS.contains(bound)) {
      return schedule.day(municipality, fiscalYear, bound);
    }
    var monthDay = OpinionSettings.monthDay(bound);
    return monthDay.atYear(monthDay.getMonthValue() >= 4 ? fiscalYear : fiscalYear + 1);
  }

  /** Tests move "now" to before or after a window. */
  void useClock(Clock clock) {
    this.clock = clock;
  }

  Clock clock() {
    return clock;
  }
}

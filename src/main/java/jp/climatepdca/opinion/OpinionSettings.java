package jp.climatepdca.opinion;

import java.time.Duration;
import java.time.MonthDay;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import jp.climatepdca.plan.PlanGovernance;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The public opinion form ({@code climate-pdca.opinions}, docs/opinions.md).
 *
 * @param window when the form is open: a default and per-municipality overrides
 * @param perClientPerHour opinions one client address may post in an hour, over every town (more: 429)
 * @param minFillTime a post sooner than this after the form was issued is taken for a script
 * @param tokenLifetime a form older than this must be reloaded
 * @param maxLinks a body with more links than this is refused as advertising
 * @param secret signs the form token and salts the client address's hash; blank: one kept in the engine's
 *     property table, made on first use, so every node shares it without configuration
 */
@ConfigurationProperties(prefix = "climate-pdca.opinions")
record OpinionSettings(Window window, Integer perClientPerHour, Duration minFillTime, Duration tokenLifetime,
    Integer maxLinks, String secret) {

  private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MM-dd");

  OpinionSettings {
    window = window == null ? new Window(null, null, null) : window;
    perClientPerHour = perClientPerHour == null ? 5 : perClientPerHour;
    minFillTime = minFillTime == null ? Duration.ofSeconds(3) : minFillTime;
    tokenLifetime = tokenLifetime == null ? Duration.ofHours(2) : tokenLifetime;
    maxLinks = maxLinks == null ? 2 : maxLinks;
    secret = secret == null ? "" : secret.strip();
    if (perClientPerHour < 1 || maxLinks < 0 || minFillTime.isNegative()
        || tokenLifetime.compareTo(minFillTime) <= 0) {
      throw new IllegalStateException("climate-pdca.opinions: per-client-per-hour must be 1 or more, max-links"
          + " 0 or more, token-lifetime longer than min-fill-time");
    }
    check(window.from());
    check(window.until());
    window.municipalities().values().forEach(b -> {
      check(b.from());
      check(b.until());
    });
  }

  /**
   * Each bound is a step of the annual schedule as the cycle copied it (PlanGovernance.STEPS, e.g.
   * {@code aprilCheck}, {@code checkDue}) or a {@code MM-dd} within the fiscal year; {@code until} is the
   * last day the form is open.
   */
  record Window(String from, String until, Map<String, Bounds> municipalities) {

    Window {
      from = from == null ? "aprilCheck" : from;
      until = until == null ? "checkDue" : until;
      municipalities = municipalities == null ? Map.of() : municipalities;
    }

    Bounds boundsOf(String municipality) {
      var own = municipalities.get(municipality);
      return new Bounds(own != null && own.from() != null ? own.from() : from,
          own != null && own.until() != null ? own.until() : until);
    }
  }

  record Bounds(String from, String until) {}

  static boolean isMonthDay(String bound) {
    try {
      MonthDay.parse(bound, MONTH_DAY);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  static MonthDay monthDay(String bound) {
    return MonthDay.parse(bound, MONTH_DAY);
  }

  // a typo must stop start-up, not close a town's form in May
  private static void check(String bound) {
    if (bound != null && !PlanGovernance.STEPS.contains(bound) && !isMonthDay(bound)) {
      throw new IllegalStateException("climate-pdca.opinions.window: \"" + bound + "\" is neither a step of the"
          + " schedule " + PlanGovernance.STEPS + " nor a MM-dd date");
    }
  }
}

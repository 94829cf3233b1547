package jp.climatepdca.cycle;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import jp.climatepdca.calendar.BusinessCalendar;
import jp.climatepdca.cycle.ScheduleProperties.Dates;
import jp.climatepdca.plan.PlanGovernance.Step;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The fiscal calendar the BPMN reads (bean {@code cycleSchedule}): the April check's and the July
 * calculation's timer dates and the due dates of the tasks (Event_AprilCheckDate, Event_JulyCalculationDate
 * and the user tasks of both processes). A municipality's plan may state its own schedule
 * (docs/governance.md); it is read when each timer or task is created, so a revised plan needs no restart.
 */
@Component("cycleSchedule")
@EnableConfigurationProperties(ScheduleProperties.class)
public class CycleSchedule {

  private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MM-dd");
  private static final Dates BUILT_IN = new Dates("04-01", "05-31", "07-01", "08-31", "09-30", "10-31", "11-30", "01-31", "03-31");
  private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
  /** Step name (the plan file's, PlanGovernance.STEPS) to the configuration's field. */
  private static final Map<String, Function<Dates, String>> FIELDS = fields();

  private final ScheduleProperties properties;
  private final CycleGovernance governance;
  private final BusinessCalendar calendar;

  CycleSchedule(ScheduleProperties properties, CycleGovernance governance, BusinessCalendar calendar) {
    this.properties = properties;
    this.governance = governance;
    this.calendar = calendar;
    // Parse every configured date now: a typo must stop start-up, not a running cycle in July.
    properties.municipalities().values().forEach(CycleSchedule::check);
    check(properties.defaults());
  }

  public int reviewYear(int fiscalYear) {
    return fiscalYear - properties.reportLagYears();
  }

  public int inventoryYear(int fiscalYear) {
    return fiscalYear - properties.inventoryLagYears();
  }

  public Date aprilCheckStart(String municipality, int fiscalYear) {
    return date(municipality, fiscalYear, "aprilCheck");
  }

  public Date selfAssessmentDue(String municipality, int fiscalYear) {
    return date(municipality, fiscalYear, "selfAssessmentDue");
  }

  /** From this day the secretariat is asked for the inventory year's activity data. */
  public Date julyCalculationStart(String municipality, int fiscalYear) {
    return date(municipality, fiscalYear, "julyCalculation");
  }

  public Date checkDue(String municipality, int fiscalYear) {
    return date(municipality, fiscalYear, "checkDue");
  }

  public Date headquartersDue(String municipality, int fiscalYear) {
    return date(municipality, fiscalYear, "headquartersDue");
  }

  public Date liaisonMeetingDue(String municipality, int fiscalYear) {
    return date(municipality, fiscalYear, "liaisonMeeting");
  }

  public Date committeeDue(String municipality, int fiscalYear) {
    return date(municipality, fiscalYear, "committee");
  }

  public Date actionDue(String municipality, int fiscalYear) {
    return date(municipality, fiscalYear, "actionDue");
  }

  /** The annual report (年次報告書) is published by this day: the statute asks for it every year. */
  public Date publicationDue(String municipality, int fiscalYear) {
    return date(municipality, fiscalYear, "publicationDue");
  }

  /**
   * The step's day within fiscal year N (April N to March N+1): the plan's schedule as the cycle took it
   * (a month-day, or business days after another step), else the configuration, else the built-in date.
   * {@code step} is one of the plan file's step names (PlanGovernance.STEPS); the day may be a holiday (a
   * month-day is taken as written; the due dates of tasks move it, docs/deadlines.md).
   */
  public LocalDate day(String municipality, int fiscalYear, String step) {
    if (!FIELDS.containsKey(step)) {
      throw new IllegalArgumentException("no schedule step " + step);
    }
    var plan = governance.of(municipality, fiscalYear).map(g -> g.schedule()).orElse(Map.of());
    return day(municipality, fiscalYear, step, plan, 0);
  }

  private LocalDate day(String municipality, int fiscalYear, String step, Map<String, Step> plan, int depth) {
    var rule = plan.get(step);
    if (rule != null && rule.after() != null && depth < FIELDS.size()) {
      // counted from the other step's day, or the next business day when that is a weekend or holiday
      var from = calendar.onOrAfter(day(municipality, fiscalYear, rule.after(), plan, depth + 1));
      return calendar.plusBusinessDays(from, rule.days());
    }
    var text = rule != null && rule.monthDay() != null ? rule.monthDay() : pick(municipality, FIELDS.get(step));
    var monthDay = MonthDay.parse(text, MONTH_DAY);
    var year = monthDay.getMonthValue() >= 4 ? fiscalYear : fiscalYear + 1;
    return monthDay.atYear(year);
  }

  private Date date(String municipality, int fiscalYear, String step) {
    return Date.from(day(municipality, fiscalYear, step).atTime(9, 0).atZone(JAPAN).toInstant());
  }

  private static Map<String, Function<Dates, String>> fields() {
    var fields = new LinkedHashMap<String, Function<Dates, String>>();
    fields.put("aprilCheck", Dates::aprilCheck);
    fields.put("selfAssessmentDue", Dates::selfAssessmentDue);
    fields.put("julyCalculation", Dates::julyCalculation);
    fields.put("checkDue", Dates::checkDue);
    fields.put("headquartersDue", Dates::headquartersDue);
    fields.put("liaisonMeeting", Dates::liaisonMeeting);
    fields.put("committee", Dates::committee);
    fields.put("actionDue", Dates::actionDue);
    fields.put("publicationDue", Dates::publicationDue);
    return Map.copyOf(fields);
  }

  private String pick(String municipality, Function<Dates, String> which) {
    var override = properties.municipalities().get(municipality);
    if (override != null && which.apply(override) != null) {
      return which.apply(override);
    }
    var configured = which.apply(properties.defaults());
    return configured != null ? configured : which.apply(BUILT_IN);
  }

  private static void check(Dates dates) {
    for (var field : FIELDS.values()) {
      var value = field.apply(dates);
      if (value != null) {
        try {
          MonthDay.parse(value, MONTH_DAY);
        } catch (DateTimeParseException e) {
          throw new IllegalStateException("climate-pdca.schedule: \"" + value + "\" is not a MM-dd date", e);
        }
      }
    }
  }
}

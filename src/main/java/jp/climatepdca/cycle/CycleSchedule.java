package jp.climatepdca.cycle;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.List;
import java.util.function.Function;
import jp.climatepdca.cycle.ScheduleProperties.Dates;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The fiscal calendar the BPMN reads (bean {@code cycleSchedule}): the April check's and the July
 * calculation's timer dates and the due dates of the tasks (Event_AprilCheckDate, Event_JulyCalculationDate
 * and the user tasks of both processes).
 */
@Component("cycleSchedule")
@EnableConfigurationProperties(ScheduleProperties.class)
public class CycleSchedule {

  private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MM-dd");
  private static final Dates BUILT_IN = new Dates("04-01", "05-31", "07-01", "08-31", "09-30", "10-31", "11-30", "01-31", "03-31");
  private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
  private static final List<Function<Dates, String>> FIELDS = List.of(Dates::aprilCheck,
      Dates::selfAssessmentDue, Dates::julyCalculation, Dates::checkDue, Dates::headquartersDue, Dates::liaisonMeeting, Dates::committee,
      Dates::actionDue, Dates::publicationDue);

  private final ScheduleProperties properties;

  CycleSchedule(ScheduleProperties properties) {
    this.properties = properties;
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
    return date(municipality, fiscalYear, Dates::aprilCheck);
  }

  public Date selfAssessmentDue(String municipality, int fiscalYear) {
    return date(municipality, fiscalYear, Dates::selfAssessmentDue);
  }

  /** From this day the secretariat is asked for the inventory year's activity data. */
  public Date julyCalculationStart(String municipality, int fiscalYear) {
    return date(municipality, fiscalYear, Dates::julyCalculation);
  }

  public Date checkDue(String municipality, int fiscalYear) {
    return date(municipality, fiscalYear, Dates::checkDue);
  }

  public Date headquartersDue(String municipality, int fiscalYear) {
    return date(municipality, fiscalYear, Dates::headquartersDue);
  }

  public Date liaisonMeetingDue(String municipality, int fiscalYear) {
    return date(municipality, fiscalYear, Dates::liaisonMeeting);
  }

  public Date committeeDue(String municipality, int fiscalYear) {
    return date(municipality, fiscalYear, Dates::committee);
  }

  public Date actionDue(String municipality, int fiscalYear) {
    return date(municipality, fiscalYear, Dates::actionDue);
  }

  /** The annual report (年次報告書) is published by this day: the statute asks for it every year. */
  public Date publicationDue(String municipality, int fiscalYear) {
    return date(municipality, fiscalYear, Dates::publicationDue);
  }

  /** The day within fiscal year N (April N to March N+1) at 09:00 Japan time. */
  LocalDate day(String municipality, int fiscalYear, Function<Dates, String> which) {
    var monthDay = MonthDay.parse(pick(municipality, which), MONTH_DAY);
    var year = monthDay.getMonthValue() >= 4 ? fiscalYear : fiscalYear + 1;
    return monthDay.atYear(year);
  }

  private Date date(String municipality, int fiscalYear, Function<Dates, String> which) {
    return Date.from(day(municipality, fiscalYear, which).atTime(9, 0).atZone(JAPAN).toInstant());
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
    for (var field : FIELDS) {
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

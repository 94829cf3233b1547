package jp.climatepdca.cycle;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The annual schedule (年間スケジュール) as configuration: month-day dates ({@code MM-dd}) within the
 * fiscal year, a default and per-municipality overrides, and how far the reviewed years lag.
 *
 * @param reportLagYears the cycle of year N reviews the measures of N minus this (default 1)
 * @param inventoryLagYears the newest emissions inventory available in year N is N minus this (default 2)
 */
@ConfigurationProperties(prefix = "climate-pdca.schedule")
record ScheduleProperties(Integer reportLagYears, Integer inventoryLagYears, Dates defaults,
    Map<String, Dates> municipalities) {

  ScheduleProperties {
    reportLagYears = reportLagYears == null ? 1 : reportLagYears;
    inventoryLagYears = inventoryLagYears == null ? 2 : inventoryLagYears;
    defaults = defaults == null ? new Dates(null, null, null, null, null, null, null, null, null) : defaults;
    municipalities = municipalities == null ? Map.of() : municipalities;
  }

  /** Each a {@code MM-dd}; a null in an override falls back to the default. */
  record Dates(String aprilCheck, String selfAssessmentDue, String julyCalculation, String checkDue,
      String headquartersDue, String liaisonMeeting, String committee, String actionDue, String publicationDue) {}
}

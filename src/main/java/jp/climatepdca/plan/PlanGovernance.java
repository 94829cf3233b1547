package jp.climatepdca.plan;

import java.util.List;
import java.util.Map;

/**
 * A municipality's governance as its plan file states it (docs/governance.md), normalized: the schedule's
 * steps, the review bodies, and whether the committee hears the result before the annual report is
 * published or is reported to after it. Absent parts mean today's fixed behaviour.
 *
 * @param schedule step name ({@link #STEPS}) to its rule; a step not named falls back to the configuration
 * @param headquarters the internal evaluation body (推進本部, 庁内推進会議, 幹事会), or null: 推進本部, every year
 * @param liaison the liaison meeting's name, or null
 * @param committee the external body (推進委員会, 環境審議会, 意見聴取委員会), or null: approving, every year
 */
public record PlanGovernance(Map<String, Step> schedule, Body headquarters, Body liaison, Body committee,
    ReviewOrder order) {

  /** The steps of the fiscal year's schedule, in the year's order (cycle.CycleSchedule's fields). */
  public static final List<String> STEPS = List.of("aprilCheck", "selfAssessmentDue", "julyCalculation", "checkDue",
      "headquartersDue", "liaisonMeeting", "committee", "actionDue", "publicationDue");

  public PlanGovernance {
    schedule = schedule == null ? Map.of() : Map.copyOf(schedule);
    order = order == null ? ReviewOrder.HEAR_BEFORE_PUBLISHING : order;
  }

  /**
   * A step's day: a month-day within the fiscal year, or so many Japanese business days after another step.
   *
   * @param monthDay {@code MM-dd}, or null
   * @param after the step counted from, or null
   * @param days business days after {@code after}
   */
  public record Step(String monthDay, String after, Integer days) {}

  /**
   * A review body. A file's {@code years} rule left partly out takes the plan's period (docs/governance.md):
   * {@code from} its first year, {@code midTermYear} its middle ({@link #midTermYear}), {@code finalYear} its
   * last year; those are filled in when the block is read ({@link PlanGovernanceValidator#view}).
   *
   * @param name as the municipality calls it
   * @param kind only for the committee: may it send the result back
   * @param every null with the three years null: every year; else it meets in {@code from} and every
   *     {@code every} years after (null: no rhythm, only the mid-term and final years)
   * @param midTermYear also meets then (中間年度), or null
   * @param finalYear also meets then (最終年度), or null
   */
  public record Body(String name, CommitteeKind kind, Integer every, Integer from, Integer midTermYear,
      Integer finalYear) {

    /** Whether the body meets in the cycle of {@code fiscalYear}. */
    public boolean meetsIn(int fiscalYear) {
      if (every == null && from == null && midTermYear == null && finalYear == null) {
        return true;
      }
      boolean onRhythm = every != null && from != null && fiscalYear >= from && (fiscalYear - from) % every == 0;
      return onRhythm || Integer.valueOf(fiscalYear).equals(midTermYear) || Integer.valueOf(fiscalYear).equals(finalYear);
    }
  }

  /**
   * The middle year of a plan period (中間年度): FY2021–FY2030 → 2025 (its fifth of ten years), FY2021–FY2025 →
   * 2023; the same year the plan-period evaluation's schedule takes as the mid-term (docs/plan-period-evaluation.md).
   */
  public static int midTermYear(int firstYear, int lastYear) {
    return firstYear + (lastYear - firstYear) / 2;
  }

  /** ADVISORY: opinions only (諮問・意見聴取); APPROVING: may send the result back (today's behaviour). */
  public enum CommitteeKind {
    ADVISORY("意見のみ"), APPROVING("差戻しあり");

    private final String label;

    CommitteeKind(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /**
   * HEAR_BEFORE_PUBLISHING: the committee reviews before the annual report (today). REPORT_AFTER_PUBLISHING:
   * the report is compiled and published, then reported to the committee, whose opinions serve the next year
   * (seed 004, 川崎市).
   */
  public enum ReviewOrder {
    HEAR_BEFORE_PUBLISHING("公表前に審議"), REPORT_AFTER_PUBLISHING("公表後に報告");

    private final String label;

    ReviewOrder(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }
}

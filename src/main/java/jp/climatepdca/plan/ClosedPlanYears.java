package jp.climatepdca.plan;

import java.util.List;

/**
 * Implemented by the features that close a fiscal year (evaluation: headquarters approved the Check;
 * publication: an annual report published), so that the plan, which they depend on, can refuse a version
 * that would change what such a year was evaluated against without knowing them.
 */
public interface ClosedPlanYears {

  List<ClosedYear> closedYears(String municipality);

  /**
   * The cycle of {@code fiscalYear} reviewed the activities of {@code planYear}, against the plan version in
   * force then; {@code why} says in Japanese what closed it (推進本部の評価済み …).
   */
  record ClosedYear(int planYear, int fiscalYear, String why) {}
}

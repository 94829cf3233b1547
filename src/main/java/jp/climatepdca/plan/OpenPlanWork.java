package jp.climatepdca.plan;

import java.util.List;
import java.util.Set;

/**
 * Implemented by the cycle feature: where a running cycle has open tasks that list the plan's measures, so
 * that a version retiring a measure under someone's open task is refused rather than pulled from under it.
 */
public interface OpenPlanWork {

  List<OpenWork> openWork(String municipality);

  /**
   * A running cycle of {@code fiscalYear} reviewing {@code planYear}: the departments whose self-assessment
   * tasks are open, and whether a city-wide task listing every measure is open.
   */
  record OpenWork(int planYear, int fiscalYear, Set<String> departments, boolean wholeCity) {}
}

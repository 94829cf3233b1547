package jp.climatepdca.plan;

/** A plan version without its document, which is read only when not yet cached (PlanDefinitions). */
record PlanVersionKey(Long id, int number, Integer effectiveYear) {

  /** Whether this version governs {@code planYear} at all (null effective year: from the beginning). */
  boolean effectiveBy(int planYear) {
    return effectiveYear == null || effectiveYear <= planYear;
  }
}

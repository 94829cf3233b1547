package jp.climatepdca.plan;

/** A plan version without its document, which is read only when not yet cached (PlanDefinitions). */
record PlanVersionKey(Long id, int number, Integer effectiveYear) {

  /** Whether this version governs {@code planYear} at all (null effective year: from the beginning). */
  boolean effectiveBy(int planYear) {
    return effectiveYear == null || effectiveYear <= planYear;
  }

  /** Plan years from {@code from} to {@code until}, each null when open on that side. */
  record Years(Integer from, Integer until) {}

  /**
   * The plan years version {@code number} is in force ({@link PlanDefinitions#versionInForce}): from its effective
   * year (the first version: from the beginning) to the year before a later version takes effect; each bound
   * null when open. Empty when a later version takes effect as early, so this one governs no year.
   */
  static java.util.Optional<Years> yearsInForce(java.util.List<PlanVersionKey> all, int number) {
    var first = all.stream().mapToInt(PlanVersionKey::number).min().orElse(number);
    var self = all.stream().filter(v -> v.number() == number).findFirst().orElseThrow();
    Integer from = number == first ? null : self.effectiveYear();
    Integer nextStart = null;
    for (var v : all) {
      if (v.number() > number) {
        if (v.effectiveYear() == null) {
          return java.util.Optional.empty(); // a later version in force from the beginning
        }
        nextStart = nextStart == null ? v.effectiveYear() : Math.min(nextStart, v.effectiveYear());
      }
    }
    if (nextStart != null && from != null && nextStart <= from) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(new Years(from, nextStart == null ? null : nextStart - 1));
  }

  /** 「2026年度〜」「〜2025年度」「全年度」, or why none: 「なし（第3版が2024年度から適用）」. */
  static String yearsLabel(java.util.List<PlanVersionKey> all, int number, java.util.Optional<Years> years) {
    if (years.isEmpty()) {
      var shadow = all.stream().filter(v -> v.number() > number)
          .min(java.util.Comparator.comparing((PlanVersionKey v) -> v.effectiveYear() == null ? Integer.MIN_VALUE
              : v.effectiveYear()).thenComparingInt(PlanVersionKey::number)).orElseThrow();
      return "なし（第" + shadow.number() + "版が" + (shadow.effectiveYear() == null ? "最初"
          : shadow.effectiveYear() + "年度") + "から適用）";
    }
    var from = years.get().from();
    var until = years.get().until();
    if (from == null && until == null) {
      return "全年度";
    }
    return (from == null ? "" : from + "年度") + "〜" + (until == null ? "" : until + "年度");
  }
}

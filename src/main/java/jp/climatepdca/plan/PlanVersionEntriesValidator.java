package jp.climatepdca.plan;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The plan file's version fields: the {@code plan} block (period, effective year, reason) and each measure's
 * and indicator's {@code retiredFrom} and {@code replaces}. What needs the stored versions (closed years,
 * open tasks, codes of earlier versions) is checked when the version is recorded ({@link PlanVersions}).
 */
final class PlanVersionEntriesValidator {

  private final PlanFileValidator v;

  PlanVersionEntriesValidator(PlanFileValidator v) {
    this.v = v;
  }

  void check(PlanDocument doc) {
    var p = doc.plan();
    if (p != null) {
      var plan = PlanFileLocation.of("plan");
      var first = v.year(plan.field("firstYear"), p.firstYear(), "計画期間の初年度");
      var last = v.year(plan.field("lastYear"), p.lastYear(), "計画期間の最終年度");
      if (first && last && p.lastYear() < p.firstYear()) {
        v.errors.add(plan.field("lastYear") + ": 計画期間の最終年度（" + p.lastYear() + "）が初年度（" + p.firstYear() + "）より前です");
      }
      if (p.effectiveYear() != null && v.year(plan.field("effectiveYear"), p.effectiveYear(), "適用開始年度") && first && last
          && (p.effectiveYear() < p.firstYear() || p.effectiveYear() > p.lastYear())) {
        v.errors.add(plan.field("effectiveYear") + ": 適用開始年度（" + p.effectiveYear() + "）は計画期間（" + p.firstYear() + "〜"
            + p.lastYear() + "年度）の中にしてください");
      }
      if (p.reason() != null && PlanReason.parse(p.reason()).isEmpty()) {
        v.errors.add(plan.field("reason") + ": \"" + p.reason() + "\" は使えません（策定、中間見直し、改定 または ESTABLISHED,"
            + " MIDTERM_REVIEW, REVISION のいずれか）");
      }
    }
    entries("measures", "施策", doc.measures(), PlanDocument.MeasureEntry::code, PlanDocument.MeasureEntry::retiredFrom,
        PlanDocument.MeasureEntry::replaces);
    entries("indicators", "指標", doc.indicators(), PlanDocument.IndicatorEntry::code,
        PlanDocument.IndicatorEntry::retiredFrom, PlanDocument.IndicatorEntry::replaces);
  }

  /**
   * A replaced code is another code (the successor carries on its role); it may stay in the file only as
   * retired, so its history keeps its name, and each code is replaced once.
   */
  private <E> void entries(String list, String what, List<E> entries, Function<E, String> code,
      Function<E, Integer> retiredFrom, Function<E, String> replaces) {
    if (entries == null) {
      return;
    }
    Set<String> replaced = new HashSet<>();
    for (int i = 0; i < entries.size(); i++) {
      var e = entries.get(i);
      if (e == null) {
        continue;
      }
      var at = PlanFileLocation.item(list, i, code.apply(e));
      if (retiredFrom.apply(e) != null) {
        v.year(at.field("retiredFrom"), retiredFrom.apply(e), "廃止年度");
      }
      var old = replaces.apply(e);
      if (old == null) {
        continue;
      }
      if (!v.code(at.field("replaces"), old, PlanFileValidator.MEASURE_CODE, "半角英数字・ハイフン・下線1〜30文字")) {
        continue;
      }
      if (old.equals(code.apply(e))) {
        v.errors.add(at.field("replaces") + ": 自分自身（" + old + "）は置き換えられません");
      } else if (!replaced.add(old)) {
        v.errors.add(at.field("replaces") + ": " + what + "コード \"" + old + "\" を置き換える" + what + "が複数あります");
      }
      var listed = entries.stream().filter(x -> x != null && old.equals(code.apply(x))).findFirst();
      if (listed.isPresent() && retiredFrom.apply(listed.get()) == null) {
        v.errors.add(at.field("replaces") + ": 置き換えられる" + what + " \"" + old + "\" がファイルに残っています（retiredFrom"
            + " で廃止年度を指定するか、ファイルから外してください）");
      }
    }
  }
}

package jp.climatepdca.plan;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The plan file's indicators and GHG reduction targets, checked with the rest of the file. */
final class IndicatorEntriesValidator {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private final PlanFileValidator v;
  private final Set<String> departmentCodes;
  private final Map<String, String> measureDepartments;

  IndicatorEntriesValidator(PlanFileValidator v, Set<String> departmentCodes, Map<String, String> measureDepartments) {
    this.v = v;
    this.departmentCodes = departmentCodes;
    this.measureDepartments = measureDepartments;
  }

  void check(PlanDocument doc) {
    var indicators = doc.indicators() == null ? List.<PlanDocument.IndicatorEntry>of() : doc.indicators();
    Set<String> codes = new HashSet<>();
    for (int i = 0; i < indicators.size(); i++) {
      var e = indicators.get(i);
      var path = "indicators[" + i + "]";
      if (e == null) {
        v.errors.add(path + ": 空の要素です");
        continue;
      }
      if (v.code(path + ".code", e.code(), PlanFileValidator.MEASURE_CODE, "半角英数字・ハイフン・下線1〜30文字")
          && !codes.add(e.code())) {
        v.errors.add(path + ".code: 指標コード \"" + e.code() + "\" が重複しています");
      }
      v.text(path + ".name", e.name(), 200, true);
      v.text(path + ".unit", e.unit(), 30, true);
      owner(path, e);
      values(path, e);
    }
    targets(doc);
  }

  /** A measure's indicator belongs to the measure's department; a plan-level one may name a department. */
  private void owner(String path, PlanDocument.IndicatorEntry e) {
    if (e.measure() != null && !measureDepartments.containsKey(e.measure())) {
      v.errors.add(path + ".measure: 施策コード \"" + e.measure() + "\" はファイル内に存在しません");
    } else if (e.department() != null && !departmentCodes.contains(e.department())) {
      v.errors.add(path + ".department: 部署コード \"" + e.department() + "\" はファイル内に存在しません");
    } else if (e.measure() != null && e.department() != null
        && !e.department().equals(measureDepartments.get(e.measure()))) {
      v.errors.add(path + ".department: 施策 \"" + e.measure() + "\" の所管部署（"
          + measureDepartments.get(e.measure()) + "）と異なります（省略すると施策の所管部署になります）");
    }
  }

  private void values(String path, PlanDocument.IndicatorEntry e) {
    var directionOk = v.oneOf(path + ".direction", e.direction(), IndicatorDirection.class);
    var yearsOk = v.year(path + ".baseYear", e.baseYear(), "基準年度") & v.year(path + ".targetYear", e.targetYear(), "目標年度");
    if (yearsOk && e.targetYear() <= e.baseYear()) {
      v.errors.add(path + ".targetYear: 目標年度は基準年度（" + e.baseYear() + "）より後にしてください（" + e.targetYear() + "）");
    }
    var valuesOk = v.decimal(path + ".baseValue", e.baseValue(), "基準値") & v.decimal(path + ".targetValue", e.targetValue(), "目標値");
    if (directionOk && valuesOk) {
      var direction = IndicatorDirection.valueOf(e.direction());
      // A target on the wrong side of the base is almost always a direction typed the wrong way round.
      if (e.targetValue().subtract(e.baseValue()).signum() * direction.sign() < 0) {
        v.errors.add(path + ".targetValue: 目標値（" + e.targetValue().toPlainString() + "）が基準値（"
            + e.baseValue().toPlainString() + "）より「" + direction.label() + "」の逆方向です。direction を確認してください");
      }
    }
  }

  private void targets(PlanDocument doc) {
    var targets = doc.emissionTargets() == null ? List.<PlanDocument.EmissionTargetEntry>of() : doc.emissionTargets();
    var m = doc.municipality();
    int baseYear = m == null || m.baseYear() == null ? 2013 : m.baseYear();
    Integer lastYear = null;
    BigDecimal lastCut = null;
    for (int i = 0; i < targets.size(); i++) {
      var t = targets.get(i);
      var path = "emissionTargets[" + i + "]";
      if (t == null) {
        v.errors.add(path + ": 空の要素です");
        continue;
      }
      var yearOk = v.year(path + ".year", t.year(), "目標年度");
      if (yearOk && t.year() <= baseYear) {
        v.errors.add(path + ".year: 目標年度は基準年度（" + baseYear + "）より後にしてください（" + t.year() + "）");
        yearOk = false;
      }
      var cutOk = v.decimal(path + ".reductionPercent", t.reductionPercent(), "削減率");
      if (cutOk && (t.reductionPercent().signum() < 0 || t.reductionPercent().compareTo(HUNDRED) > 0
          || t.reductionPercent().stripTrailingZeros().scale() > 2)) {
        v.errors.add(path + ".reductionPercent: 削減率は0〜100（%、小数2桁まで）で指定してください（"
            + t.reductionPercent().toPlainString() + "）");
        cutOk = false;
      }
      v.text(path + ".label", t.label(), 100, false);
      if (yearOk && lastYear != null && t.year() <= lastYear) {
        v.errors.add(path + ".year: 目標は年度の古い順に、同じ年度を重ねずに並べてください（" + t.year() + "）");
      } else if (yearOk && cutOk && lastCut != null && t.reductionPercent().compareTo(lastCut) < 0) {
        v.errors.add(path + ".reductionPercent: 後の年度の削減率が前の目標（" + lastCut.toPlainString() + "%）より小さくなっています");
      }
      if (yearOk) {
        lastYear = t.year();
      }
      if (cutOk) {
        lastCut = t.reductionPercent();
      }
    }
  }
}

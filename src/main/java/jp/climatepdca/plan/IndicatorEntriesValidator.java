package jp.climatepdca.plan;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The plan file's indicators and GHG reduction targets, checked with the rest of the file (docs/indicators.md). */
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
    entries(doc.indicators() == null ? List.of() : doc.indicators(), true);
    targets(doc);
  }

  /**
   * Each entry's code, name, unit and kind-dependent values; {@code withOwner}: also its measure and department
   * against the plan file's (an area file checks its shared measures itself).
   */
  void entries(List<PlanDocument.IndicatorEntry> indicators, boolean withOwner) {
    Set<String> codes = new HashSet<>();
    for (int i = 0; i < indicators.size(); i++) {
      var e = indicators.get(i);
      if (e == null) {
        v.errors.add(PlanFileLocation.item("indicators", i, null) + ": 空の要素です");
        continue;
      }
      var at = PlanFileLocation.item("indicators", i, e.code());
      if (v.code(at.field("code"), e.code(), PlanFileValidator.MEASURE_CODE, "半角英数字・ハイフン・下線1〜30文字")
          && !codes.add(e.code())) {
        v.errors.add(at.field("code") + ": 指標コード \"" + e.code() + "\" が重複しています");
      }
      v.text(at.field("name"), e.name(), 200, true);
      v.text(at.field("unit"), e.unit(), 30, true);
      if (withOwner) {
        owner(at, e);
      }
      values(at, e);
    }
  }

  /** A measure's indicator belongs to the measure's department; a plan-level one may name a department. */
  private void owner(PlanFileLocation at, PlanDocument.IndicatorEntry e) {
    if (e.measure() != null && v.missing(at.field("measure"), "施策コード", e.measure(), measureDepartments.keySet(),
        v.writtenMeasures)) {
      return;
    }
    if (e.department() != null && v.missing(at.field("department"), "部署コード", e.department(), departmentCodes,
        v.writtenDepartments)) {
      return;
    }
    if (e.measure() != null && e.department() != null
        && !e.department().equals(measureDepartments.get(e.measure()))) {
      v.errors.add(at.field("department") + ": 施策 \"" + e.measure() + "\" の所管部署（"
          + measureDepartments.get(e.measure()) + "）と異なります（省略すると施策の所管部署になります）");
    }
  }

  private void values(PlanFileLocation at, PlanDocument.IndicatorEntry e) {
    var kind = IndicatorKind.PATH;
    if (e.kind() != null) {
      if (!v.oneOf(at.field("kind"), e.kind(), IndicatorKind.class)) {
        return;
      }
      kind = PlanLabels.of(IndicatorKind.class, e.kind());
    }
    var direction = direction(at, e, kind);
    source(at, e, kind);
    if (e.maxDataAgeYears() != null && (e.maxDataAgeYears() < 0 || e.maxDataAgeYears() > 20)) {
      v.errors.add(at.field("maxDataAgeYears") + ": 実績値の古さの上限は0〜20年で指定してください（" + e.maxDataAgeYears() + "）");
    }
    boolean baseOk = base(at, e, kind);
    var targets = IndicatorTargets.of(e, at);
    if (e.targets() != null && !e.targets().isEmpty() && (e.targetYear() != null || e.targetValue() != null)) {
      v.errors.add(at.field("targets") + ": targets と targetYear・targetValue は、どちらか一方だけで指定してください");
      return;
    }
    if (kind == IndicatorKind.MAINTAIN || kind == IndicatorKind.YEAR_ON_YEAR_DECREASE) {
      if (!targets.isEmpty()) {
        v.errors.add(at.field(e.targets() != null && !e.targets().isEmpty() ? "targets" : "targetValue") + ": 「"
            + kind.label() + "」の指標には目標値を指定しません（" + (kind == IndicatorKind.MAINTAIN
            ? "基準値の水準を維持できたかで評価します）" : "前年度の実績値と比べて評価します）"));
      }
      return;
    }
    if (targets.isEmpty()) {
      var where = e.targetYear() != null || e.targetValue() != null ? "targetValue" : "targets";
      v.errors.add(at.field(where) + ": 「" + kind.label() + "」の指標には目標が必要です"
          + "（targetYear と targetValue、または targets で指定してください）");
      return;
    }
    Integer lastYear = null;
    BigDecimal last = baseOk && e.baseValue() != null && kind == IndicatorKind.PATH ? e.baseValue() : null;
    String lastWhat = "基準値";
    for (var t : targets) {
      var yearOk = v.year(t.yearAt(), t.year(), "目標年度");
      if (yearOk && baseOk && e.baseValue() != null && t.year() <= e.baseYear()) {
        v.errors.add(t.yearAt() + ": 目標年度は基準年度（" + e.baseYear() + "）より後にしてください（" + t.year() + "）");
      } else if (yearOk && lastYear != null && t.year() <= lastYear) {
        v.errors.add(t.yearAt() + ": 目標は年度の古い順に、同じ年度を重ねずに並べてください（" + t.year() + "）");
      }
      if (yearOk) {
        lastYear = t.year();
      }
      var valueOk = kind == IndicatorKind.STAGES ? stage(t) : v.decimal(t.valueAt(), t.value(), "目標値");
      if (!valueOk || direction == null) {
        continue;
      }
      // A target on the wrong side of the base (or of the target before it) is almost always a direction
      // typed the wrong way round; stages only move forward.
      if (last != null && t.value().subtract(last).signum() * direction.sign() < 0) {
        v.errors.add(t.valueAt() + ": 目標値（" + shown(kind, t.value()) + "）が" + lastWhat + "（" + shown(kind, last)
            + "）より「" + direction.label() + "」の逆方向です。" + (kind == IndicatorKind.STAGES
            ? "段階は後の年度ほど進むように並べてください" : "direction を確認してください"));
      }
      if (kind == IndicatorKind.PATH || kind == IndicatorKind.STAGES) {
        last = t.value();
        lastWhat = "前の目標";
      }
    }
  }

  private IndicatorDirection direction(PlanFileLocation at, PlanDocument.IndicatorEntry e, IndicatorKind kind) {
    if (kind.needsDirection()) {
      return v.oneOf(at.field("direction"), e.direction(), IndicatorDirection.class)
          ? PlanLabels.of(IndicatorDirection.class, e.direction()) : null;
    }
    if (e.direction() != null) {
      var given = PlanLabels.parse(IndicatorDirection.class, e.direction());
      if (given.isEmpty() || given.get() != kind.impliedDirection()) {
        v.errors.add(at.field("direction") + ": 「" + kind.label() + "」の指標は「" + kind.impliedDirection().label()
            + "」です（direction は省略できます）");
      }
    }
    return kind.impliedDirection();
  }

  private void source(PlanFileLocation at, PlanDocument.IndicatorEntry e, IndicatorKind kind) {
    if (e.source() == null || !v.oneOf(at.field("source"), e.source(), IndicatorSource.class)
        || PlanLabels.of(IndicatorSource.class, e.source()) != IndicatorSource.INVENTORY) {
      return;
    }
    if (kind == IndicatorKind.STAGES || kind == IndicatorKind.AT_LEAST) {
      v.errors.add(at.field("source") + ": 排出量の算定結果から求める指標は「" + kind.label() + "」にできません");
    }
    if (e.unit() != null && IndicatorSource.tonnesPerUnit(e.unit()).isEmpty()) {
      v.errors.add(at.field("unit") + ": 排出量の算定結果から求める指標の単位は t-CO2, 千t-CO2, 万t-CO2 のいずれかです（"
          + e.unit() + "）");
    }
  }

  /** Base year and value: the value only where the kind uses one; a value needs its year. */
  private boolean base(PlanFileLocation at, PlanDocument.IndicatorEntry e, IndicatorKind kind) {
    if (kind == IndicatorKind.STAGES && e.baseValue() != null) {
      v.errors.add(at.field("baseValue") + ": 「段階」の指標には基準値を指定しません（目標に段階を指定します）");
      return false;
    }
    if (kind == IndicatorKind.MAINTAIN && e.baseValue() == null) {
      v.errors.add(at.field("baseValue") + ": 「維持」の指標には維持する水準（基準値）が必要です");
      return false;
    }
    if (e.baseValue() == null) {
      return e.baseYear() == null || v.year(at.field("baseYear"), e.baseYear(), "基準年度");
    }
    return v.year(at.field("baseYear"), e.baseYear(), "基準年度") & v.decimal(at.field("baseValue"), e.baseValue(), "基準値");
  }

  private boolean stage(IndicatorTargets.Target t) {
    if (t.stage() == null) {
      v.errors.add(t.valueAt() + ": 「段階」の指標の目標には stage（未着手・検討中・実施中・完了）を指定してください");
      return false;
    }
    if (t.valueWritten()) {
      v.errors.add(t.valueAt() + ": stage と value は一方だけ指定してください");
      return false;
    }
    return v.oneOf(t.valueAt(), t.stage(), IndicatorStage.class);
  }

  private static String shown(IndicatorKind kind, BigDecimal value) {
    return kind == IndicatorKind.STAGES ? IndicatorStage.of(value).map(IndicatorStage::label).orElse(value.toPlainString())
        : value.toPlainString();
  }

  private void targets(PlanDocument doc) {
    var targets = doc.emissionTargets() == null ? List.<PlanDocument.EmissionTargetEntry>of() : doc.emissionTargets();
    var m = doc.municipality();
    int baseYear = m == null || m.baseYear() == null ? 2013 : m.baseYear();
    Integer lastYear = null;
    BigDecimal lastCut = null;
    BigDecimal lastEmissions = null;
    for (int i = 0; i < targets.size(); i++) {
      var t = targets.get(i);
      var at = PlanFileLocation.item("emissionTargets", i, null);
      if (t == null) {
        v.errors.add(at + ": 空の要素です");
        continue;
      }
      var yearOk = v.year(at.field("year"), t.year(), "目標年度");
      if (yearOk && t.year() <= baseYear) {
        v.errors.add(at.field("year") + ": 目標年度は基準年度（" + baseYear + "）より後にしてください（" + t.year() + "）");
        yearOk = false;
      }
      var cutOk = t.reductionPercent() != null || t.emissions() == null
          ? v.decimal(at.field("reductionPercent"), t.reductionPercent(), "削減率") : false;
      if (cutOk && (t.reductionPercent().signum() < 0 || t.reductionPercent().compareTo(HUNDRED) > 0
          || t.reductionPercent().stripTrailingZeros().scale() > 2)) {
        v.errors.add(at.field("reductionPercent") + ": 削減率は0〜100（%、小数2桁まで）で指定してください（"
            + t.reductionPercent().toPlainString() + "）");
        cutOk = false;
      }
      var emissionsOk = t.emissions() != null;
      if (emissionsOk) {
        var before = v.errors.size();
        v.nonNegative(at.field("emissions"), t.emissions(), "目標の排出量");
        emissionsOk = v.errors.size() == before;
      }
      v.text(at.field("label"), t.label(), 100, false);
      if (yearOk && lastYear != null && t.year() <= lastYear) {
        v.errors.add(at.field("year") + ": 目標は年度の古い順に、同じ年度を重ねずに並べてください（" + t.year() + "）");
      } else if (yearOk && cutOk && lastCut != null && t.reductionPercent().compareTo(lastCut) < 0) {
        v.errors.add(at.field("reductionPercent") + ": 後の年度の削減率が前の目標（" + lastCut.toPlainString() + "%）より小さくなっています");
      } else if (yearOk && emissionsOk && lastEmissions != null && t.emissions().compareTo(lastEmissions) > 0) {
        v.errors.add(at.field("emissions") + ": 後の年度の目標排出量が前の目標（" + lastEmissions.toPlainString()
            + " t-CO2）より多くなっています");
      }
      if (yearOk) {
        lastYear = t.year();
      }
      if (cutOk) {
        lastCut = t.reductionPercent();
      }
      if (emissionsOk) {
        lastEmissions = t.emissions();
      }
    }
  }
}

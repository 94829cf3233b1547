package jp.climatepdca.periodevaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jp.climatepdca.plan.PlanVersionDiff;
import jp.climatepdca.plan.PlanVersionService;
import org.springframework.stereotype.Component;

/**
 * The revision's draft against the version in force, as a form shows it: one table each for the reduction
 * targets, measures and indicators, a row per change (追加 / 変更 with each field before → after / 廃止 with
 * the year / 置き換え with the successor), and a one-line count. Rows are JSON lists: any length fits.
 */
@Component
class RevisionDiffRows {

  /** The plan file's field names as the forms name them; a field the format gains later shows its code. */
  private static final Map<String, String> FIELDS = Map.ofEntries(Map.entry("name", "名称"),
      Map.entry("department", "担当課"), Map.entry("sector", "部門"), Map.entry("kind", "種類"),
      Map.entry("keyProject", "重点事業"), Map.entry("description", "内容"), Map.entry("unit", "単位"),
      Map.entry("measure", "施策"), Map.entry("direction", "方向"), Map.entry("baseYear", "基準年度"),
      Map.entry("baseValue", "基準値"), Map.entry("targetYear", "目標年度"), Map.entry("targetValue", "目標値"),
      Map.entry("targets", "年度別の目標"), Map.entry("maxDataAgeYears", "実績の有効年数"), Map.entry("source", "実績の出所"),
      Map.entry("reductionPercent", "削減率（%）"), Map.entry("label", "表示名"), Map.entry("emissions", "排出量（t-CO2）"),
      Map.entry("year", "目標年度"));

  private final PlanVersionService versions;

  RevisionDiffRows(PlanVersionService versions) {
    this.versions = versions;
  }

  /** The form variables of the diff: diffFrom, diffSummary (text), diffTargets, diffMeasures, diffIndicators (rows). */
  Map<String, Object> values(String municipality, String draft) {
    var diff = versions.diffDraft(municipality, draft);
    var values = new LinkedHashMap<String, Object>();
    var from = diff.from();
    values.put("diffFrom", "第" + from.number() + "版（" + from.reasonLabel()
        + (from.effectiveYear() == null ? "" : "、" + from.effectiveYear() + "年度から適用") + "）");
    values.put("diffSummary", "削減目標：" + count(diff.targets()) + "　施策：" + count(diff.measures()) + "　指標："
        + count(diff.indicators()));
    values.put("diffTargets", rows(diff.targets(), "年度"));
    values.put("diffMeasures", rows(diff.measures(), ""));
    values.put("diffIndicators", rows(diff.indicators(), ""));
    return values;
  }

  private static String count(PlanVersionDiff.Part part) {
    var counts = new ArrayList<String>();
    add(counts, "追加", part.added().size());
    add(counts, "変更", part.changed().size());
    add(counts, "廃止", part.retired().size());
    add(counts, "置き換え", part.replaced().size());
    return counts.isEmpty() ? "変更なし" : String.join("・", counts);
  }

  private static void add(List<String> counts, String label, int n) {
    if (n > 0) {
      counts.add(label + " " + n + " 件");
    }
  }

  /** Rows as form-js tables show them: 区分, コード, 名称, 内容. {@code codeSuffix}: 年度 for a target's year. */
  private static List<Map<String, Object>> rows(PlanVersionDiff.Part part, String codeSuffix) {
    var rows = new ArrayList<Map<String, Object>>();
    part.added().forEach(i -> rows.add(row("追加", i.code() + codeSuffix, i.name(), "新たに加わります")));
    part.changed().forEach(c -> rows.add(row("変更", c.code() + codeSuffix, c.name(), c.changes().stream()
        .map(f -> FIELDS.getOrDefault(f.field(), f.field()) + "：" + shown(f.before()) + " → " + shown(f.after()))
        .collect(Collectors.joining("、")))));
    part.retired().forEach(r -> rows.add(row("廃止", r.code() + codeSuffix, r.name(), r.retiredFrom() == null
        ? (codeSuffix.isEmpty() ? "この版から対象外" : "改定案にありません") : r.retiredFrom() + "年度から廃止")));
    part.replaced().forEach(r -> rows.add(row("置き換え", r.code(), r.name(), r.by() + "（" + r.byName() + "）に置き換え")));
    return rows;
  }

  private static String shown(String value) {
    return value == null || value.isEmpty() ? "（なし）" : value;
  }

  private static Map<String, Object> row(String change, String code, String name, String detail) {
    var row = new LinkedHashMap<String, Object>();
    row.put("change", change);
    row.put("code", code);
    row.put("name", name == null ? "" : name);
    row.put("detail", detail);
    return row;
  }
}

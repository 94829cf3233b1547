package jp.climatepdca.area;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import jp.climatepdca.publication.ReportCsv;

/** The area report's tables as CSV in the municipalities' format (UTF-8 with BOM, quoted text: {@link ReportCsv}). */
final class AreaReportCsv {

  private AreaReportCsv() {}

  /**
   * Every member's emissions of the inventory year, long format (one figure per row): by sector, by gas, its
   * total with the version counted; a member without a verified inventory as one row saying so; then the area.
   */
  static byte[] emissions(AreaReportContent content) {
    var c = content.compilation();
    var rows = new ArrayList<List<Object>>();
    rows.add(List.of("算定年度", "市町村コード", "市町村名", "集計した版", "区分", "項目", "排出量（t-CO2）", "基準年度比（%）"));
    for (var m : c.members()) {
      if (m.missing()) {
        rows.add(Arrays.asList(c.inventoryYear(), m.code(), m.name(), null, "未確定", m.note(), null, null));
        continue;
      }
      m.bySector().forEach((sector, t) -> rows.add(Arrays.asList(c.inventoryYear(), m.code(), m.name(), m.versionLabel(),
          "部門", sector, t, null)));
      m.byGas().forEach((gas, t) -> rows.add(Arrays.asList(c.inventoryYear(), m.code(), m.name(), m.versionLabel(),
          "ガス", gas, t, null)));
      rows.add(Arrays.asList(c.inventoryYear(), m.code(), m.name(), m.versionLabel(), "合計", "合計", m.total(),
          m.changeFromBaseYearPercent()));
    }
    var areaLabel = c.complete() ? "圏域合計" : "圏域合計（確認済みの市町村のみ）";
    c.sectors().forEach(s -> rows.add(Arrays.asList(c.inventoryYear(), c.area(), c.areaName(), null, "部門", s.label(),
        s.total(), null)));
    c.gases().forEach(g -> rows.add(Arrays.asList(c.inventoryYear(), c.area(), c.areaName(), null, "ガス", g.gas(),
        g.total(), null)));
    rows.add(Arrays.asList(c.inventoryYear(), c.area(), c.areaName(), null, "合計", areaLabel, c.total(),
        c.baseYear().changePercent()));
    return ReportCsv.write(rows);
  }

  /** Every shared measure's progress by member, key projects marked. */
  static byte[] measures(AreaReportContent content) {
    var c = content.compilation();
    var rows = new ArrayList<List<Object>>();
    rows.add(List.of("年度", "共通施策コード", "共通施策名", "部門", "重点事業", "市町村コード", "市町村名", "区分", "市町村の施策コード",
        "進捗状況", "取組実績", "課題", "今後の方向性"));
    for (var m : c.measures()) {
      for (var p : m.members()) {
        rows.add(Arrays.asList(c.reviewYear(), m.code(), m.name(), m.sector(), m.keyProject() ? "重点" : "", p.municipality(),
            p.name(), p.kindLabel(), p.memberMeasure(), p.progressLabel(), p.achievements(), p.issues(), p.nextSteps()));
      }
    }
    return ReportCsv.write(rows);
  }

  /** The area's indicators as graded in the compilation: kind, every target, the actual, the grade and its basis. */
  static byte[] indicators(AreaReportContent content) {
    var rows = new ArrayList<List<Object>>();
    rows.add(List.of("年度", "指標コード", "指標名", "単位", "共通施策コード", "指標の種類", "よい方向", "基準年度", "基準値",
        "目標（すべて）", "実績の年度", "実績値", "評価", "評価で比べた値", "注記"));
    for (var i : content.indicators()) {
      rows.add(Arrays.asList(content.compilation().reviewYear(), i.code(), i.name(), i.unit(), i.measure(), i.kindLabel(),
          i.directionLabel(), i.baseValue() == null ? null : i.baseYear(), i.baseValue(), i.targetsLabel(),
          i.actualYear(), i.actualValue(), i.gradeLabel(), i.comparedLabel(), i.staleNote()));
    }
    return ReportCsv.write(rows);
  }
}

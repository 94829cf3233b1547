package jp.climatepdca.publication;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The report's data as CSV that Japanese Excel opens correctly by double-click: UTF-8 with a byte-order
 * mark (without it Excel reads Shift_JIS), CRLF line ends, every text cell quoted, and a text that Excel
 * would run as a formula (=, +, -, @ first) prefixed with an apostrophe.
 */
public final class ReportCsv {

  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private ReportCsv() {}

  static byte[] measures(ReportContent c) {
    var rows = new ArrayList<List<Object>>();
    rows.add(List.of("年度", "施策コード", "施策名", "所管課", "部門", "区分", "重点", "進捗状況", "取組実績", "課題", "今後の方向性"));
    for (var m : c.measures()) {
      rows.add(java.util.Arrays.asList(c.reviewYear(), m.code(), m.name(), m.departmentName(), m.sectorLabel(),
          m.kindLabel(), m.keyProject() ? "重点" : "", m.progressLabel(), m.achievements(), m.issues(), m.nextSteps()));
    }
    return write(rows);
  }

  /** Every calculated year since the base year, t-CO2 by sector, long format (one figure per row). */
  static byte[] emissions(ReportContent c) {
    var rows = new ArrayList<List<Object>>();
    rows.add(List.of("年度", "部門", "排出量（t-CO2）"));
    if (c.emissions() != null) {
      for (var year : c.emissions().trend()) {
        year.bySector().forEach((sector, value) -> rows.add(List.of(year.year(), sector, value)));
        rows.add(List.of(year.year(), "合計", year.total()));
      }
    }
    return write(rows);
  }

  static byte[] indicators(ReportContent c) {
    var rows = new ArrayList<List<Object>>();
    // a report frozen before indicator kinds keeps its columns: the published file must not change
    var kinds = c.indicators().stream().anyMatch(i -> i.kindLabel() != null);
    var header = new ArrayList<Object>(List.of("指標コード", "指標名", "単位", "基準年度", "基準値", "目標年度", "目標値",
        "実績年度", "実績値", "目標経路上の値", "評価"));
    if (kinds) {
      header.addAll(List.of("指標の種類", "目標（すべて）", "評価で比べた値", "注記"));
    }
    rows.add(header);
    for (var i : c.indicators()) {
      var row = new ArrayList<Object>(java.util.Arrays.asList(i.code(), i.name(), i.unit(), i.baseYear(), i.baseValue(),
          i.targetYear(), i.targetValue(), i.actualYear(), i.actualValue(), i.pathValue(), i.gradeLabel()));
      if (kinds) {
        row.addAll(java.util.Arrays.asList(i.kindLabel(), i.targetsLabel(), i.comparedLabel(), i.staleNote()));
      }
      rows.add(row);
    }
    return write(rows);
  }

  /** Last year's committee opinions heard after publishing and this year's responses (PriorOpinions). */
  static byte[] priorOpinions(ReportContent c) {
    var rows = new ArrayList<List<Object>>();
    rows.add(List.of("意見の年度", "委員会", "対象施策コード", "対象施策名", "意見", "対応方針"));
    for (var o : c.priorOpinions()) {
      rows.add(java.util.Arrays.asList(o.fiscalYear(), o.committee(), o.measureCode() == null ? "全体" : o.measureCode(),
          o.measureName(), o.opinion(), o.response()));
    }
    return write(rows);
  }

  /**
   * 市民・事業者からの意見 the secretariat accepted, with the town's response and how many were merged into each
   * (docs/opinion-triage.md); never the sender's name or contact. A header only for a report without them.
   */
  static byte[] citizenOpinions(ReportContent c) {
    var rows = new ArrayList<List<Object>>();
    rows.add(List.of("受付番号", "区分", "施策コード", "施策名", "意見", "統合した意見の数", "市の対応"));
    if (c.citizenOpinions() != null) {
      for (var o : c.citizenOpinions()) {
        rows.add(java.util.Arrays.asList(o.reference(), o.senderKindLabel(), o.measureCode(), o.measureName(), o.body(),
            o.merged(), o.response()));
      }
    }
    return write(rows);
  }

  /** Rows (the first one the header) in this format; the area's report writes its tables with it too. */
  public static byte[] write(List<List<Object>> rows) {
    var text = new StringBuilder();
    for (var row : rows) {
      var first = true;
      for (var cell : row) {
        if (!first) {
          text.append(',');
        }
        first = false;
        text.append(cell(cell));
      }
      text.append("\r\n");
    }
    var body = text.toString().getBytes(StandardCharsets.UTF_8);
    var out = new byte[BOM.length + body.length];
    System.arraycopy(BOM, 0, out, 0, BOM.length);
    System.arraycopy(body, 0, out, BOM.length, body.length);
    return out;
  }

  private static String cell(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Number n) {
      return n instanceof BigDecimal d ? d.toPlainString() : n.toString();
    }
    var s = value.toString();
    if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
      s = "'" + s;
    }
    return "\"" + s.replace("\"", "\"\"") + "\"";
  }
}

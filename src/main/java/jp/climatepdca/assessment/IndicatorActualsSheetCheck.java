package jp.climatepdca.assessment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.climatepdca.assessment.IndicatorActualsSheet.Column;
import jp.climatepdca.plan.ActualValueCheck;
import jp.climatepdca.plan.ActualValueInput;
import jp.climatepdca.plan.IndicatorKind;
import jp.climatepdca.plan.IndicatorStage;
import jp.climatepdca.plan.IndicatorView;
import jp.climatepdca.system.Quoted;
import jp.climatepdca.system.XlsxReader;

/**
 * Checks the uploaded sheet 「指標の実績」 row by row against the department's indicators (from the server, never
 * from the file), with the rules of the form ({@link ActualValueCheck}: a number the column holds, a source with
 * every value; a stage one of the four). Every problem names the sheet, Excel's row and the column's header:
 * 「「指標の実績」5 行目「実績値」: …」. The values come back only when nothing is wrong.
 */
final class IndicatorActualsSheetCheck {

  private static final String SHEET = "「" + IndicatorActualsSheet.NAME + "」";

  private final List<IndicatorView> indicators;
  private final String title;
  private final List<String> errors = new ArrayList<>();

  IndicatorActualsSheetCheck(List<IndicatorView> indicators, String title) {
    this.indicators = indicators;
    this.title = title;
  }

  /**
   * The reviewed year's value of every indicator (a null value: left empty, which clears it as an emptied form
   * field does), or null with every problem in {@link #errors()}. {@code sheet} is the workbook's second sheet,
   * null when it has none.
   */
  Map<String, ActualValueInput> check(XlsxReader.Sheet sheet) {
    if (sheet == null || !IndicatorActualsSheet.NAME.equals(sheet.name())) {
      if (indicators.isEmpty() && sheet == null) {
        return Map.of(); // a department without indicators, in a file saved before the sheet existed
      }
      errors.add(sheet == null ? "2 枚目のシート" + SHEET + "がありません。このタスクのファイルをダウンロードし直して入力してください"
          : "2 枚目のシートが" + SHEET + "ではありません（「" + Quoted.cut(sheet.name()) + "」）。ダウンロードしたファイルのシートに入力してください");
      return null;
    }
    var rows = new LinkedHashMap<Integer, XlsxReader.Row>();
    sheet.rows().forEach(r -> rows.put(r.line(), r));
    var titleRow = rows.get(IndicatorActualsSheet.TITLE_ROW);
    var found = titleRow == null ? "" : titleRow.cell(0).strip();
    if (!found.equals(title)) {
      errors.add(SHEET + IndicatorActualsSheet.TITLE_ROW + " 行目: このタスクのファイルではありません（「" + Quoted.cut(found)
          + "」）。このタスクの「" + title + "」のファイルをダウンロードして入力してください");
      return null;
    }
    if (!header(rows.get(IndicatorActualsSheet.HEADER_ROW))) {
      return null;
    }
    var byCode = new HashMap<String, IndicatorView>();
    indicators.forEach(i -> byCode.put(i.code(), i));
    var values = new HashMap<String, ActualValueInput>();
    var lineOf = new HashMap<String, Integer>();
    for (var row : rows.values()) {
      if (row.line() > IndicatorActualsSheet.HEADER_ROW) {
        indicatorRow(row, byCode, values, lineOf);
      } else if (row.line() != IndicatorActualsSheet.TITLE_ROW && row.line() != IndicatorActualsSheet.HEADER_ROW
          && !row.formulas().isEmpty()) {
        errors.add(SHEET + row.line() + " 行目: 数式は使えません。値を入力してください");
      }
    }
    indicators.stream().filter(i -> !lineOf.containsKey(i.code())).forEach(i -> errors.add(SHEET + "指標「" + i.code()
        + " " + i.name() + "」の行がありません（行を消さずに入力してください）"));
    if (!errors.isEmpty()) {
      return null;
    }
    var ordered = new LinkedHashMap<String, ActualValueInput>();
    indicators.forEach(i -> ordered.put(i.code(), values.get(i.code())));
    return ordered;
  }

  List<String> errors() {
    return List.copyOf(errors);
  }

  private boolean header(XlsxReader.Row row) {
    for (var column : Column.values()) {
      var found = row == null ? "" : row.cell(column.index()).strip();
      if (!found.equals(column.title)) {
        errors.add(SHEET + IndicatorActualsSheet.HEADER_ROW + " 行目「" + column.title + "」: 見出しが「" + Quoted.cut(found)
            + "」に変わっています（" + column.letter() + "列の見出しは「" + column.title + "」のままにしてください）");
      }
    }
    return errors.isEmpty();
  }

  private void indicatorRow(XlsxReader.Row row, Map<String, IndicatorView> byCode, Map<String, ActualValueInput> values,
      Map<String, Integer> lineOf) {
    var before = errors.size();
    var at = SHEET + row.line() + " 行目";
    for (var column : row.formulas()) {
      errors.add(at + "「" + titleOf(column) + "」: 数式は使えません。値を入力してください");
    }
    var code = row.cell(Column.CODE.index()).strip();
    if (code.isEmpty()) {
      errors.add(at + "「" + Column.CODE.title + "」: 指標コードが空欄です（行を足さず、指標コードを消さないでください）");
      return;
    }
    var indicator = byCode.get(code);
    if (indicator == null) {
      errors.add(at + "「" + Column.CODE.title + "」: 「" + Quoted.cut(code) + "」はこの部署が実績を入力する指標ではありません");
      return;
    }
    var earlier = lineOf.putIfAbsent(code, row.line());
    if (earlier != null) {
      errors.add(at + "「" + Column.CODE.title + "」: 指標「" + code + "」は " + earlier + " 行目にもあります");
      return;
    }
    var keys = IndicatorActualsSheet.keys(indicator);
    for (var column : Column.values()) {
      if (column.use == SelfAssessmentSheet.Use.KEY && column != Column.CODE) {
        var found = row.cell(column.index()).strip();
        if (!found.equals(keys.get(column.index()))) {
          errors.add(at + "「" + column.title + "」: 変更できない列が「" + Quoted.cut(found) + "」に変わっています（指標「" + code
              + "」では「" + keys.get(column.index()) + "」です）");
        }
      }
    }
    var input = indicator.kind() == IndicatorKind.STAGES ? stage(row, at, code) : number(row, at, code);
    if (errors.size() == before) {
      values.put(code, input);
    }
  }

  /** A stage chosen by its name; empty leaves the year without a value, as the form's empty select does. */
  private ActualValueInput stage(XlsxReader.Row row, String at, String code) {
    var raw = row.cell(Column.VALUE.index()).strip();
    if (raw.isEmpty()) {
      return new ActualValueInput(code, null, null);
    }
    for (var stage : IndicatorStage.values()) {
      if (stage.label().equals(raw)) {
        return new ActualValueInput(code, stage.value(), IndicatorActualsForm.STAGE_SOURCE);
      }
    }
    errors.add(at + "「" + Column.VALUE.title + "」: 「" + Quoted.cut(raw) + "」は選択肢（"
        + String.join("・", IndicatorActualsSheet.stageLabels()) + "）にありません");
    return null;
  }

  /** The form's rules, word for word: the value's range and decimals, then its source. */
  private ActualValueInput number(XlsxReader.Row row, String at, String code) {
    BigDecimal value = ActualValueCheck.value(row.cell(Column.VALUE.index()), at + "「" + Column.VALUE.title + "」: ",
        errors);
    var source = ActualValueCheck.source(row.cell(Column.SOURCE.index()), value, at + "「" + Column.SOURCE.title
        + "」: ", errors);
    return new ActualValueInput(code, value, source);
  }

  private static String titleOf(int column) {
    var columns = Column.values();
    return column < columns.length ? columns[column].title : SelfAssessmentSheet.Column.letter(column) + "列";
  }
}

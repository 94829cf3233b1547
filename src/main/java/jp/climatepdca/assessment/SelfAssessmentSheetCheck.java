package jp.climatepdca.assessment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.climatepdca.assessment.SelfAssessmentSheet.Column;
import jp.climatepdca.assessment.SelfAssessmentSheet.Use;
import jp.climatepdca.plan.MeasureView;
import jp.climatepdca.system.Quoted;
import jp.climatepdca.system.XlsxReader;

/**
 * Checks an uploaded self-assessment sheet row by row against the department's measures (from the server, never
 * from the file) and collects every problem, each naming its row and column as Excel shows them:
 * 「5 行目「進捗」: …」. Either every measure has a valid answer or nothing is taken.
 */
final class SelfAssessmentSheetCheck {

  /** A file of 100,000 bad rows would otherwise answer with 100,000 messages. */
  static final int MAX_MESSAGES = 100;

  private final List<MeasureView> measures;
  private final String title;
  private final List<String> errors = new ArrayList<>();

  SelfAssessmentSheetCheck(List<MeasureView> measures, String title) {
    this.measures = measures;
    this.title = title;
  }

  /** The answers in the order of {@code measures}, or the messages of everything wrong. */
  sealed interface Result permits Answers, Refused {}

  record Answers(List<AssessmentInput> inputs) implements Result {}

  record Refused(List<String> errors) implements Result {}

  Result check(XlsxReader.Sheet sheet) {
    if (!SelfAssessmentSheet.NAME.equals(sheet.name())) {
      return refused("最初のシートが「" + SelfAssessmentSheet.NAME + "」ではありません（「" + Quoted.cut(sheet.name())
          + "」）。ダウンロードしたファイルのシートに入力してください");
    }
    var rows = new LinkedHashMap<Integer, XlsxReader.Row>();
    sheet.rows().forEach(r -> rows.put(r.line(), r));
    var titleRow = rows.get(SelfAssessmentSheet.TITLE_ROW);
    var found = titleRow == null ? "" : titleRow.cell(0).strip();
    if (!found.equals(title)) {
      return refused(SelfAssessmentSheet.TITLE_ROW + " 行目: このタスクのファイルではありません（「" + Quoted.cut(found)
          + "」）。このタスクの「" + title + "」のファイルをダウンロードして入力してください");
    }
    if (!header(rows.get(SelfAssessmentSheet.HEADER_ROW))) {
      return new Refused(List.copyOf(errors));
    }
    var byCode = new HashMap<String, MeasureView>();
    measures.forEach(m -> byCode.put(m.code(), m));
    var answers = new HashMap<String, AssessmentInput>();
    var lineOf = new HashMap<String, Integer>();
    for (var row : rows.values()) {
      if (row.line() > SelfAssessmentSheet.HEADER_ROW) {
        measureRow(row, byCode, answers, lineOf);
      } else if (row.line() != SelfAssessmentSheet.TITLE_ROW && row.line() != SelfAssessmentSheet.HEADER_ROW
          && !row.formulas().isEmpty()) {
        add(row.line() + " 行目: 数式は使えません。値を入力してください");
      }
    }
    measures.stream().filter(m -> !lineOf.containsKey(m.code()))
        .forEach(m -> add("施策「" + m.code() + " " + m.name() + "」の行がありません（行を消さずに入力してください）"));
    if (!errors.isEmpty()) {
      return new Refused(messages());
    }
    return new Answers(measures.stream().map(m -> answers.get(m.code())).toList());
  }

  private boolean header(XlsxReader.Row row) {
    for (var column : Column.values()) {
      var found = row == null ? "" : row.cell(column.index()).strip();
      if (!found.equals(column.title)) {
        add(SelfAssessmentSheet.HEADER_ROW + " 行目「" + column.title + "」: 見出しが「" + Quoted.cut(found) + "」に変わっています（"
            + column.letter() + "列の見出しは「" + column.title + "」のままにしてください）");
      }
    }
    return errors.isEmpty();
  }

  private void measureRow(XlsxReader.Row row, Map<String, MeasureView> byCode, Map<String, AssessmentInput> answers,
      Map<String, Integer> lineOf) {
    var before = errors.size();
    var at = row.line() + " 行目";
    for (var column : row.formulas()) {
      add(at + "「" + titleOf(column) + "」: 数式は使えません。値を入力してください");
    }
    var code = row.cell(Column.CODE.index()).strip();
    var measure = byCode.get(code);
    if (code.isEmpty()) {
      add(at + "「" + Column.CODE.title + "」: 施策コードが空欄です（行を足さず、施策コードを消さないでください）");
      return;
    }
    if (measure == null) {
      add(at + "「" + Column.CODE.title + "」: 「" + Quoted.cut(code) + "」はこの部署のこの年度の施策ではありません");
      return;
    }
    var earlier = lineOf.putIfAbsent(code, row.line());
    if (earlier != null) {
      add(at + "「" + Column.CODE.title + "」: 施策「" + code + "」は " + earlier + " 行目にもあります");
      return;
    }
    keys(row, at, measure);
    var progress = progress(row, at);
    var achievements = text(row, at, Column.ACHIEVEMENTS);
    if (achievements == null) {
      add(at + "「" + Column.ACHIEVEMENTS.title + "」: 入力してください");
    }
    var issues = text(row, at, Column.ISSUES);
    var nextSteps = text(row, at, Column.NEXT_STEPS);
    if (errors.size() == before) {
      answers.put(code, new AssessmentInput(code, progress, achievements, issues, nextSteps));
    }
  }

  /** The locked columns must read as the server wrote them: a changed one means a shifted or edited row. */
  private void keys(XlsxReader.Row row, String at, MeasureView measure) {
    var expected = Map.of(Column.MEASURE_NAME, measure.name(), Column.KIND, measure.kind().label(),
        Column.KEY_PROJECT, measure.keyProject() ? "重点" : "");
    for (var column : Column.values()) {
      if (column.use == Use.KEY && column != Column.CODE) {
        var found = row.cell(column.index()).strip();
        if (!found.equals(expected.get(column))) {
          add(at + "「" + column.title + "」: 変更できない列が「" + Quoted.cut(found) + "」に変わっています（施策「" + measure.code()
              + "」では「" + expected.get(column) + "」です）");
        }
      }
    }
  }

  private Progress progress(XlsxReader.Row row, String at) {
    var value = row.cell(Column.PROGRESS.index()).strip();
    if (value.isEmpty()) {
      add(at + "「" + Column.PROGRESS.title + "」: ▼から選んでください");
      return null;
    }
    for (var p : Progress.values()) {
      if (p.label().equals(value)) {
        return p;
      }
    }
    add(at + "「" + Column.PROGRESS.title + "」: 「" + Quoted.cut(value) + "」は選択肢（" + String.join("・",
        SelfAssessmentSheet.progressLabels()) + "）にありません");
    return null;
  }

  private String text(XlsxReader.Row row, String at, Column column) {
    var value = row.cell(column.index()).replace("\r\n", "\n").strip();
    if (value.length() > SelfAssessmentSheet.MAX_TEXT) {
      add(at + "「" + column.title + "」: " + SelfAssessmentSheet.MAX_TEXT + "文字以内で入力してください（" + value.length() + "文字）");
    }
    return value.isEmpty() ? null : value;
  }

  private static String titleOf(int column) {
    var columns = Column.values();
    return column < columns.length ? columns[column].title : Column.letter(column) + "列";
  }

  private void add(String message) {
    errors.add(message);
  }

  private List<String> messages() {
    return capped(errors);
  }

  /** At most {@link #MAX_MESSAGES} messages, then how many more there are. */
  static List<String> capped(List<String> errors) {
    if (errors.size() <= MAX_MESSAGES) {
      return List.copyOf(errors);
    }
    var shown = new ArrayList<>(errors.subList(0, MAX_MESSAGES));
    shown.add("ほかに " + (errors.size() - MAX_MESSAGES) + " 件あります");
    return shown;
  }

  private static Refused refused(String message) {
    return new Refused(List.of(message));
  }
}

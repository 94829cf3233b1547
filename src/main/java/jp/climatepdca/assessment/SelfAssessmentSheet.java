package jp.climatepdca.assessment;

import java.util.Arrays;
import java.util.List;
import jp.climatepdca.plan.MeasureView;
import jp.climatepdca.system.XlsxBook;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;

/**
 * The sheet a department fills offline (docs/excel.md): one row per measure, the key columns and last year's
 * answers locked, the four answer columns unlocked, 進捗 a drop-down of its Japanese labels; the department's
 * indicators follow on a second sheet. The writer and
 * the check of an uploaded file ({@link SelfAssessmentSheetCheck}) share this layout.
 */
final class SelfAssessmentSheet {

  static final String NAME = "自己点検・自己評価";
  /** Excel's row numbers, as the messages name them. */
  static final int TITLE_ROW = 1;
  static final int HEADER_ROW = 3;
  static final int FIRST_MEASURE_ROW = 4;
  static final int MAX_TEXT = 4000;

  /** What a column is for: a key (locked, checked on upload), last year's answer (locked, ignored), or an answer. */
  enum Use { KEY, INFO, ANSWER }

  enum Column {
    CODE("施策コード", 12, Use.KEY),
    MEASURE_NAME("施策名", 36, Use.KEY),
    KIND("区分", 10, Use.KEY),
    KEY_PROJECT("重点", 6, Use.KEY),
    LAST_DECISION("前年度の見直し（Action）", 28, Use.INFO),
    LAST_PROGRESS("前年度の進捗", 10, Use.INFO),
    LAST_ACHIEVEMENTS("前年度の取組実績", 36, Use.INFO),
    LAST_ISSUES("前年度の課題", 28, Use.INFO),
    LAST_NEXT_STEPS("前年度の今後の方向性", 28, Use.INFO),
    PROGRESS("進捗", 12, Use.ANSWER),
    ACHIEVEMENTS("取組実績", 48, Use.ANSWER),
    ISSUES("課題", 36, Use.ANSWER),
    NEXT_STEPS("今後の方向性", 36, Use.ANSWER);

    final String title;
    final int width;
    final Use use;

    Column(String title, int width, Use use) {
      this.title = title;
      this.width = width;
      this.use = use;
    }

    int index() {
      return ordinal();
    }

    String letter() {
      return letter(index());
    }

    /** 0 → A, 26 → AA: the column as Excel names it. */
    static String letter(int column) {
      var name = new StringBuilder();
      for (var n = column + 1; n > 0; n = (n - 1) / 26) {
        name.insert(0, (char) ('A' + (n - 1) % 26));
      }
      return name.toString();
    }
  }

  /** One measure's row: this year's answers so far (null: none yet) and last year's (null: none). */
  record Line(MeasureView measure, AssessmentView current, AssessmentView lastYear) {}

  private SelfAssessmentSheet() {}

  /**
   * Row 1 names the fiscal year and the department (with its code): an upload of another department's or
   * another year's file is refused by it, although ownership is decided by the task, never by the file.
   */
  static String title(int fiscalYear, int reviewYear, String departmentName, String departmentCode) {
    return fiscalYear + "年度 自己点検・自己評価（" + reviewYear + "年度 実施分）　" + departmentName + "（" + departmentCode + "）";
  }

  static List<String> progressLabels() {
    return Arrays.stream(Progress.values()).map(Progress::label).toList();
  }

  /** The workbook: this sheet first, then the department's indicators ({@link IndicatorActualsSheet}). */
  static byte[] write(String title, List<Line> lines, List<IndicatorActualsSheet.Line> indicators) {
    try (var book = new XlsxBook()) {
      var sheet = book.sheet(NAME);
      sheet.createRow(TITLE_ROW - 1).createCell(0).setCellValue(title);
      sheet.createRow(1).createCell(0).setCellValue("黄色の列（進捗・取組実績・課題・今後の方向性）に入力し、"
          + "自己点検・自己評価の入力タスクからアップロードしてください。進捗はセルの▼から選びます。"
          + "ほかの列と行の並びは変えないでください（施策コード・施策名はアップロード時に確かめます）。");
      var columns = Column.values();
      book.header(sheet, HEADER_ROW - 1, Arrays.stream(columns).map(c -> c.title).toList(),
          Arrays.stream(columns).map(c -> c.width).toList());
      var r = FIRST_MEASURE_ROW - 1;
      for (var line : lines) {
        var row = sheet.createRow(r++);
        var m = line.measure();
        var last = line.lastYear();
        var now = line.current();
        book.text(row, Column.CODE.index(), m.code());
        book.text(row, Column.MEASURE_NAME.index(), m.name());
        book.text(row, Column.KIND.index(), m.kind().label());
        book.text(row, Column.KEY_PROJECT.index(), m.keyProject() ? "重点" : "");
        book.text(row, Column.LAST_DECISION.index(), m.lastDecision() == null ? "" : m.lastDecision().describe());
        book.text(row, Column.LAST_PROGRESS.index(), last == null ? "" : last.progress().label());
        book.text(row, Column.LAST_ACHIEVEMENTS.index(), last == null ? "" : last.achievements());
        book.text(row, Column.LAST_ISSUES.index(), last == null ? "" : last.issues());
        book.text(row, Column.LAST_NEXT_STEPS.index(), last == null ? "" : last.nextSteps());
        book.input(row, Column.PROGRESS.index(), now == null || now.progress() == null ? null : now.progress().label());
        book.input(row, Column.ACHIEVEMENTS.index(), now == null ? null : now.achievements());
        book.input(row, Column.ISSUES.index(), now == null ? null : now.issues());
        book.input(row, Column.NEXT_STEPS.index(), now == null ? null : now.nextSteps());
      }
      if (!lines.isEmpty()) {
        validations(sheet, FIRST_MEASURE_ROW - 1, r - 1);
      }
      sheet.createFreezePane(Column.KIND.index(), HEADER_ROW);
      protect(sheet);
      IndicatorActualsSheet.write(book, title, indicators);
      return book.bytes();
    }
  }

  /** Excel refuses what the upload would refuse anyway: a progress not in the list, a text past its length. */
  private static void validations(Sheet sheet, int firstRow, int lastRow) {
    var helper = sheet.getDataValidationHelper();
    var progress = helper.createValidation(
        helper.createExplicitListConstraint(progressLabels().toArray(String[]::new)),
        new CellRangeAddressList(firstRow, lastRow, Column.PROGRESS.index(), Column.PROGRESS.index()));
    progress.setErrorStyle(DataValidation.ErrorStyle.STOP);
    progress.createErrorBox("進捗", "▼の一覧（" + String.join("・", progressLabels()) + "）から選んでください");
    progress.createPromptBox("進捗", "▼から選んでください");
    progress.setShowErrorBox(true);
    progress.setShowPromptBox(true);
    progress.setSuppressDropDownArrow(true); // POI's name for "show the arrow" in .xlsx
    sheet.addValidationData(progress);
    var length = helper.createTextLengthConstraint(DataValidationConstraint.OperatorType.LESS_OR_EQUAL,
        String.valueOf(MAX_TEXT), null);
    var texts = helper.createValidation(length, new CellRangeAddressList(firstRow, lastRow,
        Column.ACHIEVEMENTS.index(), Column.NEXT_STEPS.index()));
    texts.setErrorStyle(DataValidation.ErrorStyle.STOP);
    texts.createErrorBox("文字数", MAX_TEXT + "文字以内で入力してください");
    texts.setShowErrorBox(true);
    sheet.addValidationData(texts);
  }

  /**
   * Protected without a password: the protection keeps a person from overwriting a key by mistake, it is not
   * security (the upload checks the keys). Column widths and row heights stay adjustable.
   */
  static void protect(Sheet sheet) {
    var xssf = (org.apache.poi.xssf.usermodel.XSSFSheet) sheet;
    xssf.enableLocking();
    xssf.lockFormatColumns(false);
    xssf.lockFormatRows(false);
    xssf.lockSelectLockedCells(false);
    xssf.lockSelectUnlockedCells(false);
  }
}

package jp.climatepdca.assessment;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import jp.climatepdca.assessment.SelfAssessmentSheet.Use;
import jp.climatepdca.plan.ActualValueCheck;
import jp.climatepdca.plan.IndicatorKind;
import jp.climatepdca.plan.IndicatorStage;
import jp.climatepdca.plan.IndicatorView;
import jp.climatepdca.system.XlsxBook;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;

/**
 * The second sheet of a department's workbook (docs/excel.md): one row per indicator the department reports the
 * actual value of (the form's indicators, {@link IndicatorActualsForm}), its definition locked, the reviewed
 * year's value and source unlocked. A key project's stage is chosen from a drop-down of the stages' names. The
 * writer and the check of an uploaded file ({@link IndicatorActualsSheetCheck}) share this layout.
 */
final class IndicatorActualsSheet {

  static final String NAME = "指標の実績";
  static final int TITLE_ROW = 1;
  static final int HEADER_ROW = 3;
  static final int FIRST_ROW = 4;

  enum Column {
    CODE("指標コード", 12, Use.KEY),
    NAME("指標名", 36, Use.KEY),
    UNIT("単位", 10, Use.KEY),
    KIND("種類", 16, Use.KEY),
    MEASURE("施策", 10, Use.INFO),
    TARGET("目標", 30, Use.INFO),
    PREVIOUS("前年度までの最新の実績", 22, Use.INFO),
    VALUE("実績値", 14, Use.ANSWER),
    SOURCE("出典", 30, Use.ANSWER);

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
      return SelfAssessmentSheet.Column.letter(index());
    }
  }

  /**
   * One indicator's row: the form's labels of its target and last known value, and this year's value so far
   * (null: none yet) with its source.
   */
  record Line(IndicatorView indicator, String targetLabel, String previousLabel, BigDecimal value, String source) {}

  private IndicatorActualsSheet() {}

  /** The key columns as the server writes them, and as an uploaded row must still read. */
  static List<String> keys(IndicatorView i) {
    return List.of(i.code(), i.name(), i.unit(), i.kind().label());
  }

  static List<String> stageLabels() {
    return Arrays.stream(IndicatorStage.values()).map(IndicatorStage::label).toList();
  }

  static void write(XlsxBook book, String title, List<Line> lines) {
    var sheet = book.sheet(NAME);
    sheet.createRow(TITLE_ROW - 1).createCell(0).setCellValue(title);
    sheet.createRow(1).createCell(0).setCellValue("黄色の列（実績値・出典）に点検対象年度の実績を入力します。"
        + "実績値を入れたら出典も入れてください（まだ数値が出ていない指標は空欄のまま）。種類が「段階」の指標は▼から選びます。"
        + "指標コード・指標名・単位・種類は変えないでください（アップロード時に確かめます）。");
    var columns = Column.values();
    book.header(sheet, HEADER_ROW - 1, Arrays.stream(columns).map(c -> c.title).toList(),
        Arrays.stream(columns).map(c -> c.width).toList());
    var r = FIRST_ROW - 1;
    for (var line : lines) {
      var row = sheet.createRow(r);
      var i = line.indicator();
      var keys = keys(i);
      for (var k = 0; k < keys.size(); k++) {
        book.text(row, k, keys.get(k));
      }
      book.text(row, Column.MEASURE.index(), i.measureCode() == null ? "計画全体" : i.measureCode());
      book.text(row, Column.TARGET.index(), line.targetLabel());
      book.text(row, Column.PREVIOUS.index(), line.previousLabel());
      if (i.kind() == IndicatorKind.STAGES) {
        book.input(row, Column.VALUE.index(), IndicatorStage.of(line.value()).map(IndicatorStage::label).orElse(null));
        // a stage's source is the self-assessment itself, as in the form
        book.text(row, Column.SOURCE.index(), IndicatorActualsForm.STAGE_SOURCE);
        stages(sheet, r);
      } else {
        // the number as a number cell, so Excel checks and formats it as one
        book.input(row, Column.VALUE.index(), line.value());
        book.input(row, Column.SOURCE.index(), line.source());
      }
      r++;
    }
    if (r >= FIRST_ROW) {
      sources(sheet, FIRST_ROW - 1, r - 1);
    }
    sheet.createFreezePane(Column.UNIT.index(), HEADER_ROW);
    SelfAssessmentSheet.protect(sheet);
  }

  /** A key project's stage: Excel offers the four names and refuses anything else (the upload would too). */
  private static void stages(Sheet sheet, int row) {
    var helper = sheet.getDataValidationHelper();
    var list = helper.createValidation(helper.createExplicitListConstraint(stageLabels().toArray(String[]::new)),
        new CellRangeAddressList(row, row, Column.VALUE.index(), Column.VALUE.index()));
    list.setErrorStyle(DataValidation.ErrorStyle.STOP);
    list.createErrorBox("段階", "▼の一覧（" + String.join("・", stageLabels()) + "）から選んでください");
    list.setShowErrorBox(true);
    list.setSuppressDropDownArrow(true); // POI's name for "show the arrow" in .xlsx
    sheet.addValidationData(list);
  }

  private static void sources(Sheet sheet, int firstRow, int lastRow) {
    var helper = sheet.getDataValidationHelper();
    var length = helper.createTextLengthConstraint(DataValidationConstraint.OperatorType.LESS_OR_EQUAL,
        String.valueOf(ActualValueCheck.MAX_SOURCE), null);
    var texts = helper.createValidation(length, new CellRangeAddressList(firstRow, lastRow,
        Column.SOURCE.index(), Column.SOURCE.index()));
    texts.setErrorStyle(DataValidation.ErrorStyle.STOP);
    texts.createErrorBox("文字数", ActualValueCheck.MAX_SOURCE + "文字以内で入力してください");
    texts.setShowErrorBox(true);
    sheet.addValidationData(texts);
  }
}

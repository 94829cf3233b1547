package jp.climatepdca.evaluation;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import jp.climatepdca.assessment.AssessmentView;
import jp.climatepdca.assessment.SelfAssessmentService;
import jp.climatepdca.plan.PlanService;
import jp.climatepdca.system.XlsxBook;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The secretariat's workbook of a fiscal year (docs/excel.md): every department's self-assessment in one table
 * with a department column (filterable in Excel), and the indicator table as the Check forms grade it.
 * Measures and departments are those of the plan version in force in the reviewed year; a measure nobody
 * answered yet reads 未入力.
 */
@Service
@Transactional(readOnly = true)
class CompiledWorkbook {

  static final String ASSESSMENTS = "自己点検・自己評価";
  static final String INDICATORS = "指標";
  static final String NOT_ENTERED = "未入力";
  private static final DateTimeFormatter JAPAN_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Tokyo"));

  private final PlanService plan;
  private final SelfAssessmentService assessments;
  private final IndicatorService indicators;

  CompiledWorkbook(PlanService plan, SelfAssessmentService assessments, IndicatorService indicators) {
    this.plan = plan;
    this.assessments = assessments;
    this.indicators = indicators;
  }

  record File(byte[] bytes, String fileName) {}

  File write(String municipality, int fiscalYear) {
    var name = plan.municipality(municipality).name();
    var reviewYear = indicators.reviewYear(fiscalYear);
    try (var book = new XlsxBook()) {
      assessments(book, municipality, fiscalYear, reviewYear);
      indicators(book, municipality, fiscalYear);
      return new File(book.bytes(), fiscalYear + "年度_自己点検・自己評価_" + name + ".xlsx");
    }
  }

  private void assessments(XlsxBook book, String municipality, int fiscalYear, int reviewYear) {
    var sheet = book.sheet(ASSESSMENTS);
    var titles = List.of("部署コード", "部署名", "施策コード", "施策名", "区分", "重点", "進捗", "取組実績", "課題", "今後の方向性",
        "入力者", "入力日時");
    book.header(sheet, 0, titles, List.of(10, 16, 12, 36, 10, 6, 10, 48, 36, 36, 12, 17));
    var saved = assessments.all(municipality, fiscalYear).stream()
        .collect(Collectors.toMap(a -> a.departmentCode() + "\u0000" + a.measureCode(), Function.identity(), (a, b) -> a));
    var r = 1;
    for (var department : plan.assessingDepartmentCodes(municipality, reviewYear)) {
      var departmentName = plan.department(municipality, department).name();
      for (var m : plan.activeMeasures(municipality, department, reviewYear)) {
        AssessmentView a = saved.get(department + "\u0000" + m.code());
        book.row(sheet, r++, department, departmentName, m.code(), m.name(), m.kind().label(),
            m.keyProject() ? "重点" : "", a == null ? NOT_ENTERED : a.progress().label(), a == null ? "" : a.achievements(),
            a == null ? "" : a.issues(), a == null ? "" : a.nextSteps(), a == null ? "" : a.updatedBy(),
            a == null || a.updatedAt() == null ? "" : JAPAN_TIME.format(a.updatedAt()));
      }
    }
    filterable(sheet, r, titles.size());
  }

  private void indicators(XlsxBook book, String municipality, int fiscalYear) {
    var sheet = book.sheet(INDICATORS);
    var titles = List.of("指標コード", "指標名", "単位", "施策コード", "施策名", "部署コード", "種類", "基準年度", "基準値", "目標",
        "実績年度", "実績値", "出典", "達成度", "進捗率（%）", "備考");
    book.header(sheet, 0, titles, List.of(12, 30, 10, 12, 30, 10, 14, 8, 12, 30, 8, 12, 30, 14, 10, 24));
    var r = 1;
    for (var g : indicators.grades(municipality, fiscalYear)) {
      book.row(sheet, r++, g.code(), g.name(), g.unit(), g.measureCode() == null ? "計画全体" : g.measureCode(),
          g.measureName(), g.departmentCode(), g.kindLabel(), g.baseYear(), g.baseValue(), g.targetsLabel(),
          g.actualYear(), g.actualValue(), g.actualSource(), g.gradeLabel(), g.progressPercent(),
          g.stale() ? g.staleNote() : "");
    }
    filterable(sheet, r, titles.size());
  }

  /** The header stays in view and every column has Excel's filter (部署 by 部署, 達成度 by 達成度). */
  private static void filterable(Sheet sheet, int rows, int columns) {
    sheet.createFreezePane(0, 1);
    sheet.setAutoFilter(new CellRangeAddress(0, Math.max(rows - 1, 0), 0, columns - 1));
  }
}

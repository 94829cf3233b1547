package jp.climatepdca.evaluation;

import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jp.climatepdca.assessment.AssessmentView;
import jp.climatepdca.assessment.Progress;
import jp.climatepdca.assessment.SelfAssessmentService;
import jp.climatepdca.plan.DepartmentView;
import jp.climatepdca.plan.PlanService;
import jp.climatepdca.system.Quoted;
import jp.climatepdca.system.TaskVariables;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Every measure of the reviewed year on the city-wide Check forms (compile, headquarters, liaison meeting,
 * committee; docs/guide.md "Reading the review forms"): each with the department's 進捗, its indicators'
 * achievement and grade and the department's comment, grouped by department in plan order. A person reading
 * 400 measures starts from the exceptions, so they come first twice over: the departments that have any,
 * and within each department its exceptions; and the exceptions alone are also a short list of their own.
 * An exception is a measure 遅れ or 未着手 (or not answered), or one with an indicator graded behind
 * ({@link IndicatorGrade#needsAttention()}). Built by the server at the task's creation; the form only shows it.
 */
@Component
class MeasureReviewTable {

  static final String EXCEPTIONS = "exceptionMeasures";
  static final String ALL = "measureReview";
  static final String SUMMARY = "measureReviewSummary";
  static final String DEPARTMENTS = "departmentSummary";
  /** The comment in a table cell: the whole text is in the compiled workbook (docs/excel.md). */
  static final int COMMENT_LENGTH = 80;
  static final String NOT_ENTERED = "未入力";
  static final String NO_INDICATOR = "指標なし";

  private final PlanService plan;
  private final SelfAssessmentService assessments;
  private final TaskVariables variables;

  MeasureReviewTable(PlanService plan, SelfAssessmentService assessments, TaskVariables variables) {
    this.plan = plan;
    this.assessments = assessments;
    this.variables = variables;
  }

  /**
   * One measure as the forms' tables show it (the keys are the columns' keys): {@code measure} is its code and
   * name in one column, since form-js gives every column the same width and the name needs the room.
   */
  record Row(String departmentName, String measureCode, String measure, String progress, String achievement,
      String grade, String attention, String comment) {}

  /** A department's counts (the summary table), in the order of the list. */
  record DepartmentRow(String departmentName, int measures, long completed, long onTrack, long mostlyOnTrack,
      long delayed, long notStarted, long exceptions) {}

  record Table(List<Row> exceptions, List<Row> all, List<DepartmentRow> departments, String summary) {}

  void show(DelegateTask task, String municipality, int fiscalYear, int reviewYear, List<IndicatorGradeView> grades) {
    var table = table(municipality, fiscalYear, reviewYear, grades);
    variables.putRows(task, DEPARTMENTS, table.departments());
    variables.putRows(task, EXCEPTIONS, table.exceptions());
    variables.putRows(task, ALL, table.all());
    variables.putText(task, SUMMARY, table.summary());
  }

  /** The measures assessed for {@code reviewYear} as the plan version in force then defines them. */
  Table table(String municipality, int fiscalYear, int reviewYear, List<IndicatorGradeView> grades) {
    var answers = assessments.all(municipality, fiscalYear).stream()
        .collect(Collectors.toMap(a -> a.departmentCode() + "\u0000" + a.measureCode(), Function.identity(),
            (a, b) -> a));
    var byMeasure = grades.stream().filter(g -> g.measureCode() != null)
        .collect(Collectors.groupingBy(IndicatorGradeView::measureCode));
    var names = plan.departments(municipality).stream()
        .collect(Collectors.toMap(DepartmentView::code, DepartmentView::name));
    var measures = plan.activeMeasures(municipality, reviewYear).stream()
        .collect(Collectors.groupingBy(m -> m.departmentCode()));
    var groups = new ArrayList<Group>();
    for (var department : plan.assessingDepartmentCodes(municipality, reviewYear)) {
      var name = names.getOrDefault(department, department);
      var group = new Group(name, new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
      for (var m : measures.getOrDefault(department, List.of())) {
        var answer = answers.get(department + "\u0000" + m.code());
        var own = byMeasure.getOrDefault(m.code(), List.of());
        var row = row(name, m.code(), m.name(), answer, own);
        group.answers().add(answer);
        (row.attention().isEmpty() ? group.others() : group.exceptions()).add(row);
      }
      groups.add(group);
    }
    // a stable sort: departments keep the plan's order within "with exceptions" and "without"
    groups.sort(Comparator.comparing(g -> g.exceptions().isEmpty()));
    var exceptions = groups.stream().flatMap(g -> g.exceptions().stream()).toList();
    var all = groups.stream().flatMap(g -> Stream.concat(g.exceptions().stream(),
        g.others().stream())).toList();
    var departments = groups.stream().map(Group::counts).toList();
    var withExceptions = groups.stream().filter(g -> !g.exceptions().isEmpty()).count();
    var summary = "全" + all.size() + "施策（" + groups.size() + "部署）のうち、要確認の施策は" + exceptions.size() + "件（"
        + withExceptions + "部署）です。";
    return new Table(exceptions, all, departments, summary);
  }

  /** A department's rows; {@code answers} has one entry per measure, null where the department gave none. */
  private record Group(String name, List<AssessmentView> answers, List<Row> exceptions, List<Row> others) {

    DepartmentRow counts() {
      return new DepartmentRow(name, answers.size(), count(Progress.COMPLETED), count(Progress.ON_TRACK),
          count(Progress.MOSTLY_ON_TRACK), count(Progress.DELAYED), count(Progress.NOT_STARTED), exceptions.size());
    }

    private long count(Progress progress) {
      return answers.stream().filter(a -> a != null && a.progress() == progress).count();
    }
  }

  private static Row row(String department, String code, String name, AssessmentView answer,
      List<IndicatorGradeView> indicators) {
    var attention = new ArrayList<String>();
    var progress = answer == null ? null : answer.progress();
    if (progress == null) {
      attention.add("進捗が" + NOT_ENTERED);
    } else if (progress == Progress.DELAYED || progress == Progress.NOT_STARTED) {
      attention.add("進捗が「" + progress.label() + "」");
    }
    indicators.stream().filter(g -> g.grade().needsAttention()).map(g -> g.gradeLabel()).distinct()
        .forEach(label -> attention.add("指標が「" + label + "」"));
    var named = indicators.size() > 1;
    var achievement = indicators.isEmpty() ? "—"
        : indicators.stream().map(g -> (named ? g.name() + "：" : "") + achievement(g))
            .collect(Collectors.joining("／"));
    var grade = indicators.isEmpty() ? NO_INDICATOR
        : indicators.stream().map(g -> (named ? g.name() + "：" : "") + g.gradeLabel() + (g.stale() ? "（データが古い）" : ""))
            .collect(Collectors.joining("／"));
    return new Row(department, code, code + " " + name, progress == null ? NOT_ENTERED : progress.label(), achievement, grade,
        String.join("・", attention), answer == null ? "" : comment(answer));
  }

  /** The actual against what it was graded by, and the progress rate where the kind has one. */
  private static String achievement(IndicatorGradeView g) {
    if (g.actualYear() == null) {
      return "実績なし";
    }
    // on the path, the path's value is what the grade compared with; the targets are in the indicator table
    var against = g.pathValue() != null && g.grade() != IndicatorGrade.ACHIEVED ? "目標経路 " + IndicatorTable.path(g)
        : g.comparedLabel();
    var text = new StringBuilder("実績 ").append(g.actualLabel()).append(g.unit());
    if (against != null) {
      text.append("（").append(against).append("）");
    }
    if (g.progressPercent() != null) {
      text.append("進捗率 ").append(g.progressPercent().setScale(1, RoundingMode.HALF_UP).toPlainString()).append('%');
    }
    return text.toString();
  }

  /** 課題, then 今後の方向性: what the department says about the measure, cut for a table cell. */
  private static String comment(AssessmentView a) {
    var parts = new ArrayList<String>();
    if (a.issues() != null && !a.issues().isBlank()) {
      parts.add(a.issues().strip());
    }
    if (a.nextSteps() != null && !a.nextSteps().isBlank()) {
      parts.add("今後：" + a.nextSteps().strip());
    }
    var text = String.join("　", parts).replaceAll("\\s+", " ");
    return Quoted.cut(text, COMMENT_LENGTH);
  }
}

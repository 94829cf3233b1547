package jp.climatepdca.assessment;

import static jp.climatepdca.assessment.DepartmentSelfAssessmentProcess.MEASURES;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import jp.climatepdca.plan.PlanService;
import jp.climatepdca.system.ConflictException;
import jp.climatepdca.system.CycleReference;
import jp.climatepdca.system.NotFoundException;
import jp.climatepdca.system.UserInputException;
import jp.climatepdca.system.XlsxReader;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Service;

/**
 * A department's self-assessment as an Excel workbook, both ways (docs/excel.md). Which task, town, year and
 * department a file belongs to is found by the server: the department's self-assessment process of the cycle
 * (business key {@code <municipality>:<fiscalYear>:<department>}, tenant = municipality), never by the file or
 * a variable. The caller has checked that the person may see (download) or enter (upload) for the department.
 */
@Service
class SelfAssessmentWorkbookService {

  private static final TypeReference<List<Map<String, Object>>> ROWS = new TypeReference<>() {};

  private final PlanService plan;
  private final SelfAssessmentService assessments;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ObjectMapper mapper;
  private final IndicatorActualsForm indicators;

  SelfAssessmentWorkbookService(PlanService plan, SelfAssessmentService assessments, RuntimeService runtime,
      TaskService tasks, ObjectMapper mapper, IndicatorActualsForm indicators) {
    this.indicators = indicators;
    this.plan = plan;
    this.assessments = assessments;
    this.runtime = runtime;
    this.tasks = tasks;
    this.mapper = mapper;
  }

  record Download(byte[] file, String fileName) {}

  /** What was uploaded: the open task it filled, how many measures and indicators. */
  record UploadSummary(String taskId, int measures, int indicators, String message) {}

  /**
   * The department's measures of the reviewed year, last fiscal year's answers beside them, and this year's so
   * far: what the open form holds, or what was saved (after the department handed it in).
   */
  Download download(String municipality, int fiscalYear, String department) {
    var instance = instance(municipality, fiscalYear, department);
    var reviewYear = reviewYear(instance);
    var departmentName = plan.department(municipality, department).name();
    var measures = plan.activeMeasures(municipality, department, reviewYear);
    var current = openTask(instance).map(this::formAnswers)
        .orElseGet(() -> byCode(assessments.department(municipality, fiscalYear, department)));
    var lastYear = byCode(assessments.department(municipality, fiscalYear - 1, department));
    var lines = measures.stream()
        .map(m -> new SelfAssessmentSheet.Line(m, current.get(m.code()), lastYear.get(m.code()))).toList();
    var indicatorLines = indicators.sheetLines(municipality, department, reviewYear,
        openTask(instance).map(this::formIndicators).orElse(null));
    var title = SelfAssessmentSheet.title(fiscalYear, reviewYear, departmentName, department);
    return new Download(SelfAssessmentSheet.write(title, lines, indicatorLines),
        fiscalYear + "年度_自己点検・自己評価_" + departmentName + ".xlsx");
  }

  /**
   * Checks every row of the file and, if all hold, puts the answers into the open entry task's form (its
   * task-local {@code measures}, as its create listener does), for the department to review and complete as
   * usual; any problem refuses the whole file and changes nothing.
   */
  UploadSummary upload(String municipality, int fiscalYear, String department, byte[] file) {
    var instance = instance(municipality, fiscalYear, department);
    var task = openTask(instance).orElseThrow(() -> new ConflictException(fiscalYear + "年度の"
        + plan.department(municipality, department).name()
        + "の自己点検・自己評価の入力タスクは開いていません（所属長の承認や事務局の確認の最中、または完了しています）"));
    var reviewYear = reviewYear(instance);
    var measures = plan.activeMeasures(municipality, department, reviewYear);
    var title = SelfAssessmentSheet.title(fiscalYear, reviewYear, plan.department(municipality, department).name(),
        department);
    List<XlsxReader.Sheet> sheets;
    try {
      sheets = XlsxReader.sheets(file, 2);
    } catch (XlsxReader.NotExcel e) {
      throw refused(List.of(e.getMessage()));
    }
    var result = new SelfAssessmentSheetCheck(measures, title).check(sheets.get(0));
    var indicatorCheck = new IndicatorActualsSheetCheck(indicators.entered(municipality, department, reviewYear), title);
    var actuals = indicatorCheck.check(sheets.size() > 1 ? sheets.get(1) : null);
    if (result instanceof SelfAssessmentSheetCheck.Refused || actuals == null) {
      var errors = new ArrayList<String>();
      if (result instanceof SelfAssessmentSheetCheck.Refused refused) {
        errors.addAll(refused.errors());
      }
      errors.addAll(indicatorCheck.errors());
      throw refused(SelfAssessmentSheetCheck.capped(errors));
    }
    var inputs = ((SelfAssessmentSheetCheck.Answers) result).inputs();
    var rows = new ArrayList<Map<String, Object>>();
    for (var i = 0; i < measures.size(); i++) {
      var in = inputs.get(i);
      rows.add(SelfAssessmentEntryListener.row(measures.get(i), new AssessmentView(department, in.measureCode(),
          in.progress(), in.achievements(), in.issues(), in.nextSteps(), null, null)));
    }
    // the indicators' rows as the form's create listener writes them, with the file's values: completing the
    // task checks and saves them as any submission of the form (IndicatorActualsForm.read and save)
    var indicatorRows = indicators.rows(municipality, department, reviewYear, actuals);
    var variables = new java.util.HashMap<String, Object>();
    variables.put(MEASURES, json(rows));
    variables.put(IndicatorActualsForm.INDICATORS, json(indicatorRows.numbers()));
    variables.put(IndicatorActualsForm.STAGE_INDICATORS, json(indicatorRows.stages()));
    // the server's own write into the task's form (no person's engine authentication is involved), in one command
    tasks.setVariablesLocal(task.getId(), variables);
    var filled = (int) actuals.values().stream().filter(a -> a.value() != null).count();
    return new UploadSummary(task.getId(), rows.size(), actuals.size(), rows.size() + " 件の施策の自己評価"
        + (actuals.isEmpty() ? "" : "と " + actuals.size() + " 件の指標（実績値の入力 " + filled + " 件）")
        + "をフォームに反映しました。Tasklist でフォームを開き、内容を確かめてから完了してください");
  }

  private Object json(List<? extends Map<String, Object>> rows) {
    try {
      return SpinValues.jsonValue(mapper.writeValueAsString(rows)).create();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the uploaded rows", e);
    }
  }

  /** The open form's indicator values, read as the form holds them (decimals exactly). */
  private Map<String, jp.climatepdca.plan.ActualValueInput> formIndicators(Task task) {
    return IndicatorActualsForm.fromForm(formRows(task, IndicatorActualsForm.INDICATORS),
        formRows(task, IndicatorActualsForm.STAGE_INDICATORS));
  }

  private List<Map<String, Object>> formRows(Task task, String name) {
    var value = tasks.getVariableLocal(task.getId(), name);
    try {
      return value == null ? List.of() : mapper.readerFor(ROWS)
          .with(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .readValue(value.toString());
    } catch (JsonProcessingException e) {
      return List.of();
    }
  }

  private static UserInputException refused(List<String> errors) {
    return new UserInputException("Excel ファイルを取り込めません（何も反映していません）", errors);
  }

  private ProcessInstance instance(String municipality, int fiscalYear, String department) {
    var key = new CycleReference(municipality, fiscalYear).businessKey() + ":" + department;
    return runtime.createProcessInstanceQuery().processDefinitionKey(DepartmentSelfAssessmentProcess.KEY)
        .processInstanceBusinessKey(key).tenantIdIn(municipality).list().stream().findFirst()
        .orElseThrow(() -> new NotFoundException(fiscalYear + "年度の自己点検・自己評価（" + municipality + " の部署 "
            + department + "）は行われていません（進行中のものだけを Excel で扱えます）"));
  }

  /** The process instance's own variable, set when the cycle called it (CycleReference). */
  private int reviewYear(ProcessInstance instance) {
    if (!(runtime.getVariableLocal(instance.getId(), CycleReference.REVIEW_YEAR) instanceof Number year)) {
      throw new IllegalStateException("process instance " + instance.getId() + " has no " + CycleReference.REVIEW_YEAR);
    }
    return year.intValue();
  }

  private Optional<Task> openTask(ProcessInstance instance) {
    return tasks.createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(DepartmentSelfAssessmentProcess.TASK_ENTER).list().stream().findFirst();
  }

  /** The open form's answers; a value the form would not show (a variable someone wrote by hand) is left out. */
  private Map<String, AssessmentView> formAnswers(Task task) {
    var value = tasks.getVariableLocal(task.getId(), MEASURES);
    List<Map<String, Object>> rows;
    try {
      rows = value == null ? List.of() : mapper.readValue(value.toString(), ROWS);
    } catch (JsonProcessingException e) {
      return Map.of();
    }
    var answers = new java.util.HashMap<String, AssessmentView>();
    for (var row : rows) {
      if (row.get("measureCode") instanceof String code) {
        answers.putIfAbsent(code, new AssessmentView(null, code, progress(row.get("progress")), text(row.get("achievements")),
            text(row.get("issues")), text(row.get("nextSteps")), null, null));
      }
    }
    return answers;
  }

  private static Progress progress(Object value) {
    return java.util.Arrays.stream(Progress.values()).filter(p -> p.name().equals(value)).findFirst().orElse(null);
  }

  private static String text(Object value) {
    return value instanceof String s ? s : null;
  }

  private static Map<String, AssessmentView> byCode(List<AssessmentView> views) {
    return views.stream().collect(Collectors.toMap(AssessmentView::measureCode, Function.identity(), (a, b) -> a));
  }
}

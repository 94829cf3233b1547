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

  SelfAssessmentWorkbookService(PlanService plan, SelfAssessmentService assessments, RuntimeService runtime,
      TaskService tasks, ObjectMapper mapper) {
    this.plan = plan;
    this.assessments = assessments;
    this.runtime = runtime;
    this.tasks = tasks;
    this.mapper = mapper;
  }

  record Download(byte[] file, String fileName) {}

  /** What was uploaded: the open task it filled and how many measures. */
  record UploadSummary(String taskId, int measures, String message) {}

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
    var title = SelfAssessmentSheet.title(fiscalYear, reviewYear, departmentName, department);
    return new Download(SelfAssessmentSheet.write(title, lines),
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
    XlsxReader.Sheet sheet;
    try {
      sheet = XlsxReader.firstSheet(file);
    } catch (XlsxReader.NotExcel e) {
      throw refused(List.of(e.getMessage()));
    }
    var result = new SelfAssessmentSheetCheck(measures, title).check(sheet);
    if (result instanceof SelfAssessmentSheetCheck.Refused refused) {
      throw refused(refused.errors());
    }
    var inputs = ((SelfAssessmentSheetCheck.Answers) result).inputs();
    var rows = new ArrayList<Map<String, Object>>();
    for (var i = 0; i < measures.size(); i++) {
      var in = inputs.get(i);
      rows.add(SelfAssessmentEntryListener.row(measures.get(i), new AssessmentView(department, in.measureCode(),
          in.progress(), in.achievements(), in.issues(), in.nextSteps(), null, null)));
    }
    try {
      // the server's own write into the task's form (no person's engine authentication is involved)
      tasks.setVariableLocal(task.getId(), MEASURES, SpinValues.jsonValue(mapper.writeValueAsString(rows)).create());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the uploaded rows", e);
    }
    return new UploadSummary(task.getId(), rows.size(), rows.size()
        + " 件の施策の自己評価をフォームに反映しました。Tasklist でフォームを開き、内容を確かめてから完了してください");
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

package jp.climatepdca.emission;

import java.util.List;
import java.util.Optional;
import jp.climatepdca.cycle.FiscalYearCycleProcess;
import jp.climatepdca.system.CycleReference;
import jp.climatepdca.system.Quoted;
import jp.climatepdca.system.UserInputException;
import jp.climatepdca.system.XlsxBook;
import jp.climatepdca.taskfile.TaskFileReceiver;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Activity data as a file (CSV UTF-8 or .xlsx) from the form of Task_EnterActivityData (活動量データの入力) in
 * Tasklist: the same import as {@code POST /api/emissions/{m}/{y}/activity-data}, the municipality from the
 * task's process instance (business key and tenant), the inventory year from the instance's own variable.
 * Its download is the factor catalogue of that year (docs/excel.md).
 */
@Component
class ActivityDataUpload implements TaskFileReceiver {

  static final String NAME = "activity-data";

  private final ActivityImportService importer;
  private final ActivityDataEntryListener form;
  private final FactorCatalogueWorkbook catalogue;
  private final RuntimeService runtime;
  private final TaskService tasks;

  ActivityDataUpload(ActivityImportService importer, ActivityDataEntryListener form, FactorCatalogueWorkbook catalogue,
      RuntimeService runtime, TaskService tasks) {
    this.importer = importer;
    this.form = form;
    this.catalogue = catalogue;
    this.runtime = runtime;
    this.tasks = tasks;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean accepts(String processDefinitionKey, String taskDefinitionKey) {
    return FiscalYearCycleProcess.KEY.equals(processDefinitionKey)
        && FiscalYearCycleProcess.TASK_ENTER_ACTIVITY_DATA.equals(taskDefinitionKey);
  }

  /** The import and the form's status line in one transaction: refused, neither changes. */
  @Override
  @Transactional
  public String receive(OpenTask task, UploadedFile file) {
    var municipality = municipality(task);
    var year = inventoryYear(task);
    var reason = "Tasklist から登録" + (file.name() == null || file.name().isBlank() ? "" : "（" + Quoted.cut(file.name(), 60) + "）");
    var summary = excel(file)
        ? importer.importExcel(municipality, year, file.content(), reason, task.userId())
        : importer.importCsv(municipality, year, ActivityImportService.utf8(file.content()), reason, task.userId());
    tasks.setVariableLocal(task.id(), ActivityDataEntryListener.UPLOAD_STATUS, form.uploadStatus(municipality, year));
    return year + "年度の活動量データ " + (summary.activityRows() + summary.directFigures()) + " 行を登録しました。算定の理由を確かめ、「完了」を押すと算定します";
  }

  @Override
  public Optional<DownloadedFile> download(OpenTask task) {
    var year = inventoryYear(task);
    return Optional.of(new DownloadedFile(year + "年度_排出係数一覧.xlsx", XlsxBook.XLSX.toString(),
        catalogue.write(municipality(task), year)));
  }

  /** An .xlsx is a zip ("PK"); anything else is read as CSV (or tab-separated text). */
  private static boolean excel(UploadedFile file) {
    var bytes = file.content();
    return bytes.length >= 2 && bytes[0] == 'P' && bytes[1] == 'K';
  }

  private static String municipality(OpenTask task) {
    var parts = task.businessKey() == null ? new String[0] : task.businessKey().split(":", -1);
    if (parts.length != 2 || !parts[0].equals(task.tenantId())) {
      throw new IllegalStateException("not a fiscal-year cycle: " + task.businessKey() + " in tenant " + task.tenantId());
    }
    return parts[0];
  }

  /** The cycle's own variable, set when it started (CycleReference), never one a person wrote on the task. */
  private int inventoryYear(OpenTask task) {
    if (!(runtime.getVariableLocal(task.processInstanceId(), CycleReference.INVENTORY_YEAR) instanceof Number year)) {
      throw new UserInputException("この作業には算定年度がありません", List.of());
    }
    return year.intValue();
  }
}

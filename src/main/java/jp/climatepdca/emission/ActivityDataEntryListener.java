package jp.climatepdca.emission;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import jp.climatepdca.plan.PlanService;
import jp.climatepdca.review.DisplayNames;
import jp.climatepdca.system.CycleReference;
import jp.climatepdca.system.FormTaskListener;
import jp.climatepdca.system.TaskInputException;
import jp.climatepdca.system.UserInputException;
import jp.climatepdca.system.TaskVariables;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Task_EnterActivityData (活動量データの入力): shows what is already uploaded and any return comment; on
 * complete imports the pasted CSV (all or nothing) or, when the field is empty, uses the data uploaded
 * through the API. Either way the reason given is what the calculated version records.
 */
@Component("activityDataEntryListener")
class ActivityDataEntryListener extends FormTaskListener {

  static final String CSV = "csv";
  static final String REASON = "reason";
  static final String UPLOAD_STATUS = "uploadStatus";
  /** Camunda keeps a String variable in a VARCHAR(4000) column (runtime and history): a longer paste would fail. */
  static final int MAX_PASTE = 4000;
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm")
      .withZone(ZoneId.of("Asia/Tokyo"));

  private final ActivityImportService importer;
  private final ActivityUploadRepository uploads;
  private final InventoryVerification verification;
  private final PlanService plan;
  private final TaskVariables variables;
  private final DisplayNames names;
  /** Tasklist's application path: the catalogue link goes through the webapps' API with the person's login. */
  private final String webapps;

  ActivityDataEntryListener(ActivityImportService importer, ActivityUploadRepository uploads,
      InventoryVerification verification, PlanService plan, TaskVariables variables, DisplayNames names,
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webapps) {
    this.importer = importer;
    this.uploads = uploads;
    this.verification = verification;
    this.plan = plan;
    this.variables = variables;
    this.names = names;
    this.webapps = webapps;
  }

  @Override
  protected void onCreate(DelegateTask task, CycleReference cycle) {
    var municipality = cycle.municipality();
    var year = CycleReference.inventoryYear(task);
    var returned = verification.pendingReturn(municipality, year, names.of(variables.currentUser(task)));
    variables.putText(task, "municipalityName", plan.municipality(municipality).name());
    variables.putText(task, "returnNotice", returned.orElse(""));
    variables.putText(task, "apiPath", "/api/emissions/" + municipality + "/" + year + "/activity-data");
    variables.putText(task, UPLOAD_STATUS, uploadStatus(municipality, year));
    // the form's links: the factor catalogue of the year, and (beside it) the file upload (docs/excel.md)
    variables.putText(task, "factorCatalogue", webapps + "/api/climate-pdca/task-files/" + ActivityDataUpload.NAME + "/"
        + task.getId());
    variables.declare(task, CSV);
    variables.putText(task, REASON, returned.isPresent() ? "差戻しによる修正" : "初回算定");
  }

  /** The newest upload of the year, as the form shows it (also after a file came in from the form). */
  String uploadStatus(String municipality, int year) {
    return uploads.findFirstByMunicipalityCodeAndInventoryYearOrderByIdDesc(municipality, year)
        .map(u -> WHEN.format(u.uploadedAt()) + " に " + names.of(u.uploadedBy()) + " が " + u.rowCount() + " 行を登録")
        .orElse("まだありません");
  }

  @Override
  protected void onComplete(DelegateTask task, CycleReference cycle) {
    var municipality = cycle.municipality();
    var year = CycleReference.inventoryYear(task);
    var errors = new ArrayList<String>();
    var reason = variables.text(task, REASON).orElse(null);
    if (reason == null) {
      errors.add("算定の理由を入力してください");
    } else if (reason.length() > 1000) {
      errors.add("算定の理由は1000文字以内で入力してください");
    }
    var csv = variables.text(task, CSV);
    var latest = uploads.findFirstByMunicipalityCodeAndInventoryYearOrderByIdDesc(municipality, year);
    if (csv.isPresent() && csv.get().length() > MAX_PASTE) {
      errors.add("貼り付けられる CSV は" + MAX_PASTE + "文字（約80行）までです（" + csv.get().length()
          + "文字）。大きなファイルは API（POST /api/emissions/" + municipality + "/" + year
          + "/activity-data）で登録し、この欄を空にして完了してください");
    }
    if (csv.isEmpty() && latest.isEmpty()) {
      errors.add(year + "年度の活動量データがまだ登録されていません。CSV を貼り付けるか、API で登録してください");
    }
    refuseIfAny(errors);
    if (csv.isPresent()) {
      try {
        importer.importCsv(municipality, year, csv.get(), reason, variables.currentUser(task));
      } catch (UserInputException e) {
        throw new TaskInputException(e.errors().isEmpty() ? java.util.List.of(e.getMessage()) : e.errors());
      }
    } else {
      latest.get().giveReason(reason);
    }
  }
}

package jp.climatepdca.assessment;

import java.util.Optional;
import jp.climatepdca.system.XlsxBook;
import jp.climatepdca.taskfile.TaskFileReceiver;
import org.springframework.stereotype.Component;

/**
 * The self-assessment workbook downloaded from and uploaded into the entry form in Tasklist
 * (Task_EnterSelfAssessment, docs/excel.md): the same as {@link SelfAssessmentWorkbookController}, the town, year
 * and department taken from the task's process instance (business key and tenant), never from the file.
 */
@Component
class SelfAssessmentWorkbookUpload implements TaskFileReceiver {

  static final String NAME = "self-assessment-workbook";

  private final SelfAssessmentWorkbookService workbooks;

  SelfAssessmentWorkbookUpload(SelfAssessmentWorkbookService workbooks) {
    this.workbooks = workbooks;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean accepts(String processDefinitionKey, String taskDefinitionKey) {
    return DepartmentSelfAssessmentProcess.KEY.equals(processDefinitionKey)
        && DepartmentSelfAssessmentProcess.TASK_ENTER.equals(taskDefinitionKey);
  }

  @Override
  public String receive(OpenTask task, UploadedFile file) {
    var key = key(task);
    return workbooks.upload(key.municipality(), key.fiscalYear(), key.department(), file.content()).message();
  }

  @Override
  public Optional<DownloadedFile> download(OpenTask task) {
    var key = key(task);
    var download = workbooks.download(key.municipality(), key.fiscalYear(), key.department());
    return Optional.of(new DownloadedFile(download.fileName(), XlsxBook.XLSX.toString(), download.file()));
  }

  private record Key(String municipality, int fiscalYear, String department) {}

  /** {@code <municipality>:<fiscalYear>:<department>} of a self-assessment in its municipality's tenant. */
  private static Key key(OpenTask task) {
    var parts = task.businessKey() == null ? new String[0] : task.businessKey().split(":", -1);
    if (parts.length != 3 || !parts[0].equals(task.tenantId())) {
      throw new IllegalStateException("not a department's self-assessment: " + task.businessKey() + " in tenant "
          + task.tenantId());
    }
    return new Key(parts[0], Integer.parseInt(parts[1]), parts[2]);
  }
}

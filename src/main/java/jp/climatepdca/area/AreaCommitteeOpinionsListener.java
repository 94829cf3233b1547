package jp.climatepdca.area;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import jp.climatepdca.system.CycleReference;
import jp.climatepdca.system.FormTaskListener;
import jp.climatepdca.system.TaskVariables;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Task_AreaCommitteeOpinions (意見聴取委員会への報告と意見): the committee advises; it neither approves nor
 * returns anything, so the task has no decision, only opinions (or the note that there were none).
 */
@Component("areaCommitteeOpinionsListener")
class AreaCommitteeOpinionsListener extends FormTaskListener {

  static final String OPINIONS = "opinions";
  static final String NO_OPINIONS = "noOpinions";

  private final AreaForms forms;
  private final AreaRecords records;
  private final AreaPlanService areas;
  private final AreaOpinionRepository opinions;
  private final TaskVariables variables;

  AreaCommitteeOpinionsListener(AreaForms forms, AreaRecords records, AreaPlanService areas,
      AreaOpinionRepository opinions, TaskVariables variables) {
    this.forms = forms;
    this.records = records;
    this.areas = areas;
    this.opinions = opinions;
    this.variables = variables;
  }

  @Override
  protected void onCreate(DelegateTask task, CycleReference cycle) {
    forms.showHeader(task, cycle);
    variables.putText(task, "liaisonDecisions", records.of(cycle.municipality(), cycle.fiscalYear()).liaisonDecisions());
    variables.putRows(task, OPINIONS, List.of());
    variables.declare(task, NO_OPINIONS);
  }

  @Override
  protected void onComplete(DelegateTask task, CycleReference cycle) {
    var known = areas.sharedMeasures(cycle.municipality(), cycle.fiscalYear()).stream().map(SharedMeasureView::code).toList();
    var errors = new ArrayList<String>();
    var rows = variables.rows(task, OPINIONS);
    var user = variables.currentUser(task);
    var now = Instant.now();
    var read = new ArrayList<AreaOpinion>();
    for (int i = 0; i < rows.size(); i++) {
      var label = "意見" + (i + 1);
      var subject = AreaText.cell(rows.get(i), "subject", label + "の対象", 30, errors);
      var member = AreaText.cell(rows.get(i), "member", label + "の委員", 200, errors);
      var opinion = AreaText.cell(rows.get(i), "opinion", label, AreaText.NOTE, errors);
      if (subject == null && member == null && opinion == null) {
        continue; // an empty row the form added
      }
      if (subject != null && !known.contains(subject)) {
        errors.add(label + ": 対象 \"" + subject + "\" は圏域計画の共通施策にありません（全体への意見は空欄）");
      }
      if (opinion == null) {
        errors.add(label + ": 意見・助言の本文を入力してください");
      }
      read.add(new AreaOpinion(cycle.municipality(), cycle.fiscalYear(), read.size(), subject, member, opinion, user, now));
    }
    var none = AreaText.checked(task, NO_OPINIONS);
    if (read.isEmpty() && !none) {
      errors.add("意見・助言を入力するか、「意見・助言はなかった」をチェックしてください");
    } else if (!read.isEmpty() && none) {
      errors.add("「意見・助言はなかった」をチェックした場合は、意見の行を空欄にしてください");
    }
    refuseIfAny(errors);
    opinions.deleteByAreaCodeAndFiscalYear(cycle.municipality(), cycle.fiscalYear());
    opinions.saveAll(read);
  }
}

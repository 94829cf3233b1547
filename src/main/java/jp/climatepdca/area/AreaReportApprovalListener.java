package jp.climatepdca.area;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import jp.climatepdca.system.CycleReference;
import jp.climatepdca.system.FormTaskListener;
import jp.climatepdca.system.TaskVariables;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Task_ApproveAreaReport (圏域の年次報告の承認): the area secretariat confirms the year's record (members,
 * liaison meeting, opinions and responses, the Action) before it is published and the members notified.
 */
@Component("areaReportApprovalListener")
class AreaReportApprovalListener extends FormTaskListener {

  static final String APPROVED = "approved";
  static final String NOTE = "approvalNote";

  private final AreaForms forms;
  private final AreaRecords records;
  private final AreaPlanService areas;
  private final AreaMeasureDecisionRepository decisions;
  private final TaskVariables variables;

  AreaReportApprovalListener(AreaForms forms, AreaRecords records, AreaPlanService areas,
      AreaMeasureDecisionRepository decisions, TaskVariables variables) {
    this.forms = forms;
    this.records = records;
    this.areas = areas;
    this.decisions = decisions;
    this.variables = variables;
  }

  @Override
  protected void onCreate(DelegateTask task, CycleReference cycle) {
    forms.showHeader(task, cycle);
    var names = new LinkedHashMap<String, String>();
    areas.sharedMeasures(cycle.municipality(), cycle.fiscalYear()).forEach(m -> names.put(m.code(), m.name()));
    variables.putRows(task, "actions", decisions.findByAreaCodeAndFiscalYear(cycle.municipality(), cycle.fiscalYear())
        .stream().filter(d -> d.decision() != null).map(d -> {
          var row = new LinkedHashMap<String, Object>();
          row.put("measureCode", d.measureCode());
          row.put("measureName", names.getOrDefault(d.measureCode(), ""));
          row.put("decisionLabel", d.decision().label());
          row.put("reason", d.reason());
          return row;
        }).toList());
    variables.declare(task, APPROVED, NOTE);
  }

  @Override
  protected void onComplete(DelegateTask task, CycleReference cycle) {
    var errors = new ArrayList<String>();
    if (!AreaText.checked(task, APPROVED)) {
      errors.add("内容を確認し、「公表を承認します」にチェックしてください");
    }
    var note = AreaText.optional(variables, task, NOTE, "備考", AreaText.NOTE, errors);
    refuseIfAny(errors);
    records.of(cycle.municipality(), cycle.fiscalYear()).approved(note, variables.currentUser(task), Instant.now());
  }
}

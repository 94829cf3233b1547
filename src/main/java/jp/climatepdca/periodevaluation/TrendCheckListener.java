package jp.climatepdca.periodevaluation;

import java.util.ArrayList;
import jp.climatepdca.system.CycleReference;
import jp.climatepdca.system.FormTaskListener;
import jp.climatepdca.system.TaskVariables;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** Task_CheckPeriodTrend (推移の確認・総括, 事務局): the secretariat checks the compiled trend and sums it up. */
@Component("periodTrendCheckListener")
class TrendCheckListener extends FormTaskListener {

  static final String NOTE = "secretariatNote";

  private final PeriodEvaluationForms forms;
  private final PeriodEvaluationStore store;
  private final TaskVariables variables;

  TrendCheckListener(PeriodEvaluationForms forms, PeriodEvaluationStore store, TaskVariables variables) {
    this.forms = forms;
    this.store = store;
    this.variables = variables;
  }

  @Override
  protected void onCreate(DelegateTask task, CycleReference cycle) {
    var row = forms.show(task, cycle);
    variables.putText(task, NOTE, row.secretariatNote());
  }

  @Override
  protected void onComplete(DelegateTask task, CycleReference cycle) {
    var errors = new ArrayList<String>();
    var note = forms.requiredText(task, NOTE, "事務局の総括", errors);
    PeriodEvaluationForms.refuseIfAny(errors);
    var row = forms.evaluation(cycle);
    store.update(row.id(), "secretariat_note", note);
    store.update(row.id(), "return_comment", null);
  }
}

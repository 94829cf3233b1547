package jp.climatepdca.periodevaluation;

import java.util.ArrayList;
import jp.climatepdca.system.CycleReference;
import jp.climatepdca.system.FormTaskListener;
import jp.climatepdca.system.TaskVariables;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Task_CommitteePeriodOpinions (推進委員会・環境審議会の意見): advisory, the committee gives opinions on the
 * period's evaluation and the plan's review (seeds 000 and 003); it cannot send anything back.
 */
@Component("periodCommitteeListener")
class PeriodCommitteeListener extends FormTaskListener {

  static final String OPINIONS = "committeeOpinions";

  private final PeriodEvaluationForms forms;
  private final PeriodEvaluationStore store;
  private final TaskVariables variables;

  PeriodCommitteeListener(PeriodEvaluationForms forms, PeriodEvaluationStore store, TaskVariables variables) {
    this.forms = forms;
    this.store = store;
    this.variables = variables;
  }

  @Override
  protected void onCreate(DelegateTask task, CycleReference cycle) {
    var row = forms.show(task, cycle);
    variables.putText(task, OPINIONS, row.committeeOpinions());
  }

  @Override
  protected void onComplete(DelegateTask task, CycleReference cycle) {
    var errors = new ArrayList<String>();
    var opinions = forms.requiredText(task, OPINIONS, "委員会の意見", errors);
    PeriodEvaluationForms.refuseIfAny(errors);
    store.update(forms.evaluation(cycle).id(), "committee_opinions", opinions);
  }
}

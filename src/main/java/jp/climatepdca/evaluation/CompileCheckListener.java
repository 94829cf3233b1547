package jp.climatepdca.evaluation;

import java.util.ArrayList;
import jp.climatepdca.system.CycleReference;
import jp.climatepdca.system.FormTaskListener;
import jp.climatepdca.system.TaskVariables;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** Task_CompileCheck (点検・評価のとりまとめ): the secretariat's summary of all departments. */
@Component("compileCheckListener")
class CompileCheckListener extends FormTaskListener {

  static final String SUMMARY = "summary";

  private final CheckContext context;
  private final EvaluationService evaluations;
  private final TaskVariables variables;

  CompileCheckListener(CheckContext context, EvaluationService evaluations, TaskVariables variables) {
    this.context = context;
    this.evaluations = evaluations;
    this.variables = variables;
  }

  @Override
  protected void onCreate(DelegateTask task, CycleReference cycle) {
    context.show(task);
    // A returned summary comes back for revision, not blank.
    variables.putText(task, SUMMARY, evaluations.evaluation(cycle.municipality(), cycle.fiscalYear())
        .secretariatSummary());
  }

  @Override
  protected void onComplete(DelegateTask task, CycleReference cycle) {
    var errors = new ArrayList<String>();
    var summary = LongText.required(variables, task, SUMMARY, "事務局による総括", errors);
    refuseIfAny(errors);
    evaluations.saveSecretariatSummary(cycle.municipality(), cycle.fiscalYear(), summary);
  }
}

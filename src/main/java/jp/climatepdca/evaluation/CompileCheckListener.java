package jp.climatepdca.evaluation;

import java.util.ArrayList;
import jp.climatepdca.system.CycleReference;
import jp.climatepdca.system.TaskInputException;
import jp.climatepdca.system.TaskVariables;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Task_CompileCheck (点検・評価のとりまとめ): the secretariat's summary of all departments. */
@Component("compileCheckListener")
class CompileCheckListener implements TaskListener {

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
  public void notify(DelegateTask task) {
    var cycle = CycleReference.of(task);
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      context.show(task);
      // A returned summary comes back for revision, not blank.
      variables.putText(task, SUMMARY, evaluations.evaluation(cycle.municipality(), cycle.fiscalYear())
          .secretariatSummary());
    } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      var errors = new ArrayList<String>();
      var summary = LongText.required(variables, task, SUMMARY, "事務局による総括", errors);
      if (!errors.isEmpty()) {
        throw new TaskInputException(errors);
      }
      evaluations.saveSecretariatSummary(cycle.municipality(), cycle.fiscalYear(), summary);
    }
  }
}

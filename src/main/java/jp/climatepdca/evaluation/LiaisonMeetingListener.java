package jp.climatepdca.evaluation;

import java.util.ArrayList;
import jp.climatepdca.system.CycleReference;
import jp.climatepdca.system.FormTaskListener;
import jp.climatepdca.system.TaskVariables;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** Task_LiaisonMeeting (連絡会議): where municipalities share a plan, the meeting's conclusions. */
@Component("liaisonMeetingListener")
class LiaisonMeetingListener extends FormTaskListener {

  static final String MINUTES = "minutes";

  private final CheckContext context;
  private final EvaluationService evaluations;
  private final TaskVariables variables;

  LiaisonMeetingListener(CheckContext context, EvaluationService evaluations, TaskVariables variables) {
    this.context = context;
    this.evaluations = evaluations;
    this.variables = variables;
  }

  @Override
  protected void onCreate(DelegateTask task, CycleReference cycle) {
    context.show(task);
    variables.putText(task, MINUTES, evaluations.evaluation(cycle.municipality(), cycle.fiscalYear())
        .liaisonMinutes());
  }

  @Override
  protected void onComplete(DelegateTask task, CycleReference cycle) {
    var errors = new ArrayList<String>();
    var minutes = LongText.required(variables, task, MINUTES, "連絡会議での協議結果", errors);
    refuseIfAny(errors);
    evaluations.saveLiaisonMinutes(cycle.municipality(), cycle.fiscalYear(), minutes);
  }
}

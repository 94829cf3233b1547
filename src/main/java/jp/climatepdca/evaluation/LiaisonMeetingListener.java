package jp.climatepdca.evaluation;

import java.util.ArrayList;
import jp.climatepdca.system.CycleReference;
import jp.climatepdca.system.TaskInputException;
import jp.climatepdca.system.TaskVariables;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Task_LiaisonMeeting (連絡会議): where municipalities share a plan, the meeting's conclusions. */
@Component("liaisonMeetingListener")
class LiaisonMeetingListener implements TaskListener {

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
  public void notify(DelegateTask task) {
    var cycle = CycleReference.of(task);
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      context.show(task);
      variables.putText(task, MINUTES, evaluations.evaluation(cycle.municipality(), cycle.fiscalYear())
          .liaisonMinutes());
    } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      var errors = new ArrayList<String>();
      var minutes = LongText.required(variables, task, MINUTES, "連絡会議での協議結果", errors);
      if (!errors.isEmpty()) {
        throw new TaskInputException(errors);
      }
      evaluations.saveLiaisonMinutes(cycle.municipality(), cycle.fiscalYear(), minutes);
    }
  }
}

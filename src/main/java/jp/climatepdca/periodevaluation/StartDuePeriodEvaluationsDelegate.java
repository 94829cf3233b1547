package jp.climatepdca.periodevaluation;

import java.time.LocalDate;
import java.time.ZoneId;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_StartDueEvaluations of the daily schedule: starts the evaluations due today (Japan's date). */
@Component("duePeriodEvaluationsDelegate")
class StartDuePeriodEvaluationsDelegate implements JavaDelegate {

  private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

  private final PeriodEvaluationStarter starter;

  StartDuePeriodEvaluationsDelegate(PeriodEvaluationStarter starter) {
    this.starter = starter;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var started = starter.startDue(LocalDate.now(JAPAN));
    execution.setVariable("started", started.stream().map(StartedPeriodEvaluation::businessKey).toList().toString());
  }
}

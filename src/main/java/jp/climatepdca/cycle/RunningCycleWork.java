package jp.climatepdca.cycle;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import jp.climatepdca.assessment.DepartmentSelfAssessmentProcess;
import jp.climatepdca.plan.OpenPlanWork;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Component;

/**
 * The plan's view of running cycles: a department's self-assessment instance lists the department's
 * measures in its tasks until it ends; the city-wide Check tasks list every measure. Read from the engine
 * by business key, which only the server sets.
 */
@Component
class RunningCycleWork implements OpenPlanWork {

  /** City-wide tasks whose forms list the measures of the year. */
  private static final List<String> CITY_TASKS = List.of(FiscalYearCycleProcess.TASK_COMPILE_CHECK,
      FiscalYearCycleProcess.TASK_HEADQUARTERS_EVALUATION, FiscalYearCycleProcess.TASK_LIAISON_MEETING,
      FiscalYearCycleProcess.TASK_COMMITTEE_REVIEW, FiscalYearCycleProcess.TASK_ACTION_DECISIONS);

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final CycleSchedule schedule;

  RunningCycleWork(RuntimeService runtime, TaskService tasks, CycleSchedule schedule) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.schedule = schedule;
  }

  @Override
  public List<OpenWork> openWork(String municipality) {
    var work = new ArrayList<OpenWork>();
    for (var cycle : runtime.createProcessInstanceQuery().processDefinitionKey(FiscalYearCycleProcess.KEY)
        .processInstanceBusinessKeyLike(municipality + ":%").list()) {
      var key = cycle.getBusinessKey();
      int fiscalYear;
      try {
        fiscalYear = Integer.parseInt(key.substring(municipality.length() + 1));
      } catch (NumberFormatException notOurs) {
        continue;
      }
      var prefix = key + ":";
      var departments = runtime.createProcessInstanceQuery().processDefinitionKey(DepartmentSelfAssessmentProcess.KEY)
          .processInstanceBusinessKeyLike(prefix + "%").list().stream()
          .map(p -> p.getBusinessKey().substring(prefix.length())).collect(Collectors.toSet());
      var wholeCity = tasks.createTaskQuery().processInstanceId(cycle.getId())
          .taskDefinitionKeyIn(CITY_TASKS.toArray(String[]::new)).count() > 0;
      if (!departments.isEmpty() || wholeCity) {
        work.add(new OpenWork(schedule.reviewYear(fiscalYear), fiscalYear, departments, wholeCity));
      }
    }
    return work;
  }
}

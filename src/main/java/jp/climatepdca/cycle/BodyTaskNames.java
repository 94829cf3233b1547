package jp.climatepdca.cycle;

import java.util.Map;
import jp.climatepdca.system.CycleReference;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The review bodies' tasks carry the names the municipality's plan gives them (docs/governance.md):
 * 「庁内評価（幹事会）」, 「点検評価と意見（環境審議会）」. Tasklist's list shows only the name, so staff see
 * their own body there. Set at creation (as assessment's DepartmentTaskNames does), so the diagram keeps its
 * plain label; a plan without the body keeps the label as it is.
 */
@Component("bodyTaskNames")
class BodyTaskNames implements TaskListener {

  /** Task definition key to the body's role and the word the diagram's label uses for it. */
  private static final Map<String, String[]> BODIES = Map.of(
      FiscalYearCycleProcess.TASK_HEADQUARTERS_EVALUATION, new String[] {"headquarters", "推進本部"},
      FiscalYearCycleProcess.TASK_LIAISON_MEETING, new String[] {"liaison", "連絡会議"},
      FiscalYearCycleProcess.TASK_COMMITTEE_REVIEW, new String[] {"committee", "推進委員会"},
      FiscalYearCycleProcess.TASK_COMMITTEE_HEARING, new String[] {"committee", "推進委員会"});

  private final CycleGovernance governance;

  BodyTaskNames(CycleGovernance governance) {
    this.governance = governance;
  }

  @Override
  public void notify(DelegateTask task) {
    var body = BODIES.get(task.getTaskDefinitionKey());
    if (body == null) {
      return;
    }
    var cycle = CycleReference.of(task.getExecution());
    var name = governance.name(cycle.municipality(), cycle.fiscalYear(), body[0], null);
    if (name != null) {
      task.setName(task.getName().replace(body[1], name));
    }
  }
}

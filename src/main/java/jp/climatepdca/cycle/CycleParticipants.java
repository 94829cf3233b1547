package jp.climatepdca.cycle;

import java.util.List;
import jp.climatepdca.plan.PlanService;
import jp.climatepdca.system.CycleReference;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The collection of Task_DepartmentSelfAssessments' multi-instance (bean {@code cycleParticipants}):
 * every department that owns a measure assessed for the year the cycle reviews, when the April check starts.
 */
@Component("cycleParticipants")
public class CycleParticipants {

  private final PlanService plan;

  CycleParticipants(PlanService plan) {
    this.plan = plan;
  }

  /**
   * What the process definitions deployed before plan versions call: a cycle started on one and still
   * waiting for its April check keeps that definition after an upgrade, so the method stays.
   */
  public List<String> departments(String municipality) {
    return plan.assessingDepartmentCodes(municipality);
  }

  /**
   * The departments with a measure assessed in the year the cycle reviews, by the plan version in force
   * then (a measure retired from that year is not assessed). Municipality and year from the business key
   * and the instance's own variables, never from a variable a person could set.
   */
  public List<String> departments(DelegateExecution execution) {
    var cycle = CycleReference.of(execution);
    return plan.assessingDepartmentCodes(cycle.municipality(), CycleReference.reviewYear(execution));
  }
}

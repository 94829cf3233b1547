package jp.climatepdca.cycle;

import java.util.List;
import jp.climatepdca.plan.PlanService;
import org.springframework.stereotype.Component;

/**
 * The collection of Task_DepartmentSelfAssessments' multi-instance (bean {@code cycleParticipants}):
 * every department that owns an active measure when the April check starts.
 */
@Component("cycleParticipants")
public class CycleParticipants {

  private final PlanService plan;

  CycleParticipants(PlanService plan) {
    this.plan = plan;
  }

  public List<String> departments(String municipality) {
    return plan.assessingDepartmentCodes(municipality);
  }
}

package jp.climatepdca.reminder;

import jp.climatepdca.area.AreaPlanService;
import jp.climatepdca.area.AreaView;
import jp.climatepdca.assessment.DepartmentSelfAssessmentProcess;
import jp.climatepdca.plan.DepartmentView;
import jp.climatepdca.plan.MunicipalityView;
import jp.climatepdca.plan.PlanService;
import jp.climatepdca.system.CycleReference;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Whose task a reminder is about, from the server's side of the process only (CycleReference): the town or
 * area and fiscal year from the instance's business key, the department from the third segment of a
 * self-assessment's key ({@code 999999:2026:env}); never from a variable someone could set on the task.
 */
@Component
class ReminderSubject {

  /** The town's or area's code (the tenant), its name, the fiscal year, and the department (null if none). */
  record Of(String code, String name, int fiscalYear, String departmentCode, String departmentName) {

    boolean ofDepartment() {
      return departmentCode != null;
    }
  }

  private final PlanService plans;
  private final AreaPlanService areas;

  ReminderSubject(PlanService plans, AreaPlanService areas) {
    this.plans = plans;
    this.areas = areas;
  }

  Of of(DelegateTask task) {
    var cycle = CycleReference.of(task);
    var code = cycle.municipality();
    var name = plans.findMunicipality(code).map(MunicipalityView::name)
        .or(() -> areas.find(code).map(AreaView::name)).orElse(code);
    if (!DepartmentSelfAssessmentProcess.KEY.equals(processKey(task))) {
      return new Of(code, name, cycle.fiscalYear(), null, null);
    }
    var department = CycleReference.subject(task);
    var departmentName = plans.departments(code).stream().filter(d -> d.code().equals(department))
        .map(DepartmentView::name).findFirst().orElse(department);
    return new Of(code, name, cycle.fiscalYear(), department, departmentName);
  }

  private static String processKey(DelegateTask task) {
    return task.getProcessEngineServices().getRepositoryService()
        .getProcessDefinition(task.getProcessDefinitionId()).getKey();
  }
}

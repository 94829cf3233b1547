package jp.climatepdca.assessment;

import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * The tasks of a department's self-assessment carry the department in their name, 「事務局の確認（環境政策課）」:
 * the secretariat has one review per department open at once, and Tasklist's list and header show only
 * the name. Set by the create listener rather than as an expression in the BPMN, so the diagram keeps
 * its plain label.
 */
final class DepartmentTaskNames {

  private DepartmentTaskNames() {}

  static void name(DelegateTask task, String departmentName) {
    task.setName(task.getName() + "（" + departmentName + "）");
  }
}

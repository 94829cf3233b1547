package jp.climatepdca.system;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * The references every process of a cycle carries: which municipality, which fiscal year, and which
 * year's measures it reviews. Business data is looked up by these, never copied into variables.
 *
 * <p>Where a listener or delegate needs them, they come from the server's side of the process only: the
 * municipality and year from the process instance's business key ({@code 999999:2026}, its
 * self-assessments {@code 999999:2026:env}, its report {@code 999999:2026:report}), the review and
 * inventory year from the process instance's own variables, set when it was started. Never through
 * {@code getVariable} on a task or execution: a task-local or execution-local variable of the same name
 * would shadow the process's, and a person can set task-local ones on their own task (issue #17).
 */
public record CycleReference(String municipality, int fiscalYear) {

  public static final String MUNICIPALITY = "municipality";
  public static final String FISCAL_YEAR = "fiscalYear";
  public static final String REVIEW_YEAR = "reviewYear";
  /** The emissions inventory year the cycle reports (usually two years before). */
  public static final String INVENTORY_YEAR = "inventoryYear";

  private static final String SEPARATOR = ":";

  /** The cycle's business key, readable in Cockpit: {@code 999999:2026}. */
  public String businessKey() {
    return municipality + SEPARATOR + fiscalYear;
  }

  public static CycleReference of(DelegateTask task) {
    return of(task.getExecution());
  }

  public static CycleReference of(DelegateExecution execution) {
    var parts = businessKeyParts(execution);
    try {
      return new CycleReference(parts.get(0), Integer.parseInt(parts.get(1)));
    } catch (NumberFormatException e) {
      throw notACycle(execution);
    }
  }

  /**
   * What the business key names after the cycle ({@code env} of {@code 999999:2026:env}): the department
   * of a self-assessment. Municipality and department codes hold no colon (PlanFileValidator).
   */
  public static String subject(DelegateTask task) {
    var parts = businessKeyParts(task.getExecution());
    if (parts.size() != 3) {
      throw notACycle(task.getExecution());
    }
    return parts.get(2);
  }

  public static int reviewYear(DelegateTask task) {
    return reviewYear(task.getExecution());
  }

  public static int reviewYear(DelegateExecution execution) {
    return year(execution, REVIEW_YEAR);
  }

  public static int inventoryYear(DelegateTask task) {
    return inventoryYear(task.getExecution());
  }

  public static int inventoryYear(DelegateExecution execution) {
    return year(execution, INVENTORY_YEAR);
  }

  private static List<String> businessKeyParts(DelegateExecution execution) {
    var key = execution.getProcessBusinessKey();
    var parts = key == null ? List.<String>of() : List.of(key.split(SEPARATOR, -1));
    if (parts.size() < 2 || parts.size() > 3) {
      throw notACycle(execution);
    }
    return parts;
  }

  /** The process instance's own variable (local to it: nothing below it can shadow it). */
  private static int year(DelegateExecution execution, String name) {
    if (!(execution.getProcessInstance().getVariableLocal(name) instanceof Number year)) {
      throw new IllegalStateException("process instance " + execution.getProcessInstanceId() + " has no " + name);
    }
    return year.intValue();
  }

  private static IllegalStateException notACycle(DelegateExecution execution) {
    return new IllegalStateException("process instance " + execution.getProcessInstanceId()
        + " has no business key of a cycle (municipality:fiscalYear[:part]): " + execution.getProcessBusinessKey());
  }
}

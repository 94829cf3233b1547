package jp.climatepdca.area;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * Which staff meeting a process instance is, from its business key {@code <area>:<fiscalYear>:staff-<n>} only
 * (never from a variable, which a task-local one could shadow). The key keeps the shape every key of ours has,
 * {@code <code>:<fiscalYear>[:part]}, so the engine's tenant (first segment) and the cycles' own parsing stay
 * right; area and municipality codes hold no colon.
 */
record StaffMeetingKey(String area, int fiscalYear, int number) {

  private static final String SEPARATOR = ":";

  String businessKey() {
    return area + SEPARATOR + fiscalYear + SEPARATOR + AreaStaffMeetingProcess.BUSINESS_KEY_PART_PREFIX + number;
  }

  static StaffMeetingKey of(DelegateExecution execution) {
    var key = execution.getProcessBusinessKey();
    var parts = key == null ? List.<String>of() : List.of(key.split(SEPARATOR, -1));
    if (parts.size() != 3 || !parts.get(2).startsWith(AreaStaffMeetingProcess.BUSINESS_KEY_PART_PREFIX)) {
      throw notAMeeting(execution);
    }
    try {
      return new StaffMeetingKey(parts.get(0), Integer.parseInt(parts.get(1)),
          Integer.parseInt(parts.get(2).substring(AreaStaffMeetingProcess.BUSINESS_KEY_PART_PREFIX.length())));
    } catch (NumberFormatException e) {
      throw notAMeeting(execution);
    }
  }

  private static IllegalStateException notAMeeting(DelegateExecution execution) {
    return new IllegalStateException("process instance " + execution.getProcessInstanceId()
        + " has no business key of a staff meeting (area:fiscalYear:staff-n): " + execution.getProcessBusinessKey());
  }
}

package jp.climatepdca.cycle;

import java.time.Instant;
import java.util.List;

/**
 * One municipality's cycle of one fiscal year as Cockpit's cycle list shows it to an administrator: running or
 * ended (from the engine's history, which Cockpit Community Edition does not list), its phase, and who is late.
 */
record CycleOverview(int fiscalYear, String municipality, String municipalityName, String businessKey,
    String processInstanceId, String state, String stateLabel, String phase, String phaseLabel, Instant startedAt,
    Instant endedAt, List<LateDepartment> lateDepartments, List<OverdueTask> overdueTasks) {

  /** A department with a task of its self-assessment open past its due date: it has not handed in. */
  record LateDepartment(String code, String name, List<OverdueTask> tasks) {}

  /** An open task past its due date; {@code department} is null for the town's own steps (secretariat, HQ). */
  record OverdueTask(String taskId, String name, String department, List<String> candidateGroups, Instant due) {}
}

package jp.climatepdca.area;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One area's cycle of one fiscal year as Cockpit's cycle list shows it to an administrator: running or ended
 * (from the engine's history), its phase, its members and which of them are late, and the area's own tasks
 * open past their due date.
 */
record AreaCycleOverview(int fiscalYear, String area, String areaName, String businessKey, String processInstanceId,
    String state, String stateLabel, String phase, String phaseLabel, Instant startedAt, Instant endedAt,
    List<Member> members, List<OverdueTask> overdueTasks) {

  /**
   * A member's cycle as the area sees it. {@code late}: its result has not come in and its deadline passed, or the
   * area's secretariat was asked what to do about it (提出遅延への対応 open or decided); {@code result}: 提出済み,
   * 未提出, or what the secretariat decided (督促 with the new deadline, 提出を待たずに進行) with its note.
   */
  record Member(String municipality, String name, boolean lead, String phaseLabel, boolean submitted,
      Instant submittedAt, boolean late, LocalDate deadline, String result, String lateNote) {}

  /** An open task of the area's own instance past its due date. */
  record OverdueTask(String taskId, String name, List<String> candidateGroups, Instant due) {}
}

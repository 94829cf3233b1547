package jp.climatepdca.area;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Where an area cycle stands, as GET /api/area-cycles/{area}/{fiscalYear} answers: the area's phase and open
 * tasks, and per member its own cycle's phase and open tasks, whether it handed in, whether it is late, and
 * the emissions totals (null until the compilation provides them).
 */
record AreaCycleStatus(String area, String areaName, int fiscalYear, String businessKey, String processInstanceId,
    String startedBy, Instant startedAt, String phase, String phaseLabel, boolean ended, LocalDate resultDeadline,
    BigDecimal emissionsTotal, List<OpenTask> areaTasks, List<MemberStatus> members) {

  record OpenTask(String taskId, String name, List<String> candidateGroups, Instant due) {}

  /**
   * {@code joined}: STARTED or ADOPTED; {@code late}: not handed in, not gone on without, and its deadline
   * ({@code deadline}: the area's, or the reminder's) has passed; {@code lateDecision}: REMIND or
   * PROCEED_WITHOUT once the secretariat decided.
   */
  record MemberStatus(String municipality, String name, boolean lead, String joined, String phase, String phaseLabel,
      List<String> openTasks, boolean submitted, Instant submittedAt, int submissions, boolean late,
      LocalDate deadline, String lateDecision, String lateDecisionLabel, String lateNote, String returnedComment,
      Instant returnedAt, boolean awaitingResubmission, BigDecimal emissionsTotal) {}
}

package jp.climatepdca.cycle;

import java.time.Instant;
import java.util.List;

/** Where a cycle stands, as GET /api/cycles/{municipality}/{fiscalYear} answers. */
record CycleStatus(String municipality, String municipalityName, int fiscalYear, int reviewYear,
    String businessKey, String processInstanceId, String startedBy, Instant startedAt, String phase,
    String phaseLabel, boolean ended, List<OpenTask> cityTasks, List<DepartmentStatus> departments) {

  record DepartmentStatus(String code, String name, String status, String statusLabel, List<OpenTask> openTasks) {}

  record OpenTask(String taskId, String name, String assignee, List<String> candidateGroups, Instant due) {}
}

package jp.climatepdca.deadline;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One task past its due date, as {@code GET /api/cycles/{municipality}/{fiscalYear}/overdue} lists it
 * (docs/api.md). Japanese labels for people: {@code dueLabel} 「2026年5月7日（木）17:00」, {@code overdueLabel}
 * 「98営業日超過」 (「本日期限」 when it fell due today after 17:00), {@code waitingFor} the person or the groups.
 *
 * @param department the self-assessment's department; null for a task of the secretariat or a body
 * @param businessDaysOverdue business days after the due day up to today (Japan time), holidays not counted
 */
record OverdueTask(String taskId, String name, String processInstanceId, String businessKey,
    Department department, String assignee, List<Group> candidateGroups, String waitingFor,
    OffsetDateTime due, LocalDate dueDay, String dueLabel, int businessDaysOverdue, String overdueLabel) {

  record Department(String code, String name) {}

  record Group(String id, String name) {}
}

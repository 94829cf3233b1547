package jp.climatepdca.taskdraft;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@code task_draft} table (V28): at most one row per task. Written with the caller's transaction (the
 * engine's when a task ends, so a completion that rolls back keeps the draft).
 */
@Component
class DraftStore {

  /** A stored draft: the task it belongs to, who saved it last and when, and the form's values as JSON text. */
  record Draft(String taskId, String processInstanceId, String tenantId, String taskDefinitionKey, String savedBy,
      Instant savedAt, String values) {}

  private final JdbcTemplate jdbc;

  DraftStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Draft> find(String taskId) {
    return jdbc.query("select task_id, process_instance_id, tenant_id, task_definition_key, saved_by, saved_at,"
            + " form_values from task_draft where task_id = ?",
        (row, n) -> new Draft(row.getString("task_id"), row.getString("process_instance_id"),
            row.getString("tenant_id"), row.getString("task_definition_key"), row.getString("saved_by"),
            row.getTimestamp("saved_at").toInstant(), row.getString("form_values")),
        taskId).stream().findFirst();
  }

  /**
   * Replaces the task's draft (one statement each way, no read before: two colleagues saving at once leave the
   * later one, and a second insert of the same task fails on the primary key rather than leaving two rows).
   */
  void save(Draft draft) {
    var updated = jdbc.update("update task_draft set saved_by = ?, saved_at = ?, form_values = ? where task_id = ?",
        draft.savedBy(), Timestamp.from(draft.savedAt()), draft.values(), draft.taskId());
    if (updated == 0) {
      jdbc.update("insert into task_draft (task_id, process_instance_id, tenant_id, task_definition_key, saved_by,"
              + " saved_at, form_values) values (?, ?, ?, ?, ?, ?, ?)",
          draft.taskId(), draft.processInstanceId(), draft.tenantId(), draft.taskDefinitionKey(), draft.savedBy(),
          Timestamp.from(draft.savedAt()), draft.values());
    }
  }

  /** Whether a draft was there. */
  boolean delete(String taskId) {
    return jdbc.update("delete from task_draft where task_id = ?", taskId) > 0;
  }
}

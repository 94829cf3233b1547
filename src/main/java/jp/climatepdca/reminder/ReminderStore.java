package jp.climatepdca.reminder;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@code task_reminder} table (V23): one row per task and kind. Written in the timer job's transaction
 * (the engine's, which JdbcTemplate joins); claimed and marked outside it, with conditional updates that only
 * one node can win.
 */
@Component
class ReminderStore {

  static final String PENDING = "PENDING";
  static final String SENT = "SENT";
  /** Nobody with an address to tell: kept so the secretariat can see it, never sent. */
  static final String NO_RECIPIENT = "NO_RECIPIENT";

  record Mail(long id, String taskId, String kind, List<String> recipients, String subject, String body) {}

  record Decided(String taskId, ReminderKind kind, String tenantId, String processInstanceId, String taskName,
      LocalDate dueDate, List<String> recipients, String subject, String body) {}

  private final JdbcTemplate jdbc;

  ReminderStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  boolean exists(String taskId, ReminderKind kind) {
    return jdbc.queryForObject("select count(*) from task_reminder where task_id = ? and kind = ?", Integer.class,
        taskId, kind.name()) > 0;
  }

  /**
   * Records the reminder, PENDING and claimed until {@code claimedUntil} by whoever inserts it (no other node
   * sends it before then), or NO_RECIPIENT; its id. A second row of the same task and kind fails on the
   * unique key, and with it the transaction that tried.
   */
  long insert(Decided reminder, Instant now, Instant claimedUntil) {
    var status = reminder.recipients().isEmpty() ? NO_RECIPIENT : PENDING;
    jdbc.update("insert into task_reminder (task_id, kind, tenant_id, process_instance_id, task_name, due_date,"
            + " recipients, subject, body, status, created_at, claimed_until, attempts)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
        reminder.taskId(), reminder.kind().name(), reminder.tenantId(), reminder.processInstanceId(),
        cut(reminder.taskName(), 255), java.sql.Date.valueOf(reminder.dueDate()),
        cut(String.join(",", reminder.recipients()), 4000), cut(reminder.subject(), 500),
        cut(reminder.body(), 8000), status, Timestamp.from(now), Timestamp.from(claimedUntil));
    return jdbc.queryForObject("select id from task_reminder where task_id = ? and kind = ?", Long.class,
        reminder.taskId(), reminder.kind().name());
  }

  /** The PENDING rows whose claim has run out, oldest first, at most {@code most} (a constant of ours). */
  List<Long> unclaimed(Instant now, int most) {
    return jdbc.queryForList("select id from task_reminder where status = ? and claimed_until <= ? order by id limit "
        + most, Long.class, PENDING, Timestamp.from(now));
  }

  /** Takes the row for this node until {@code until} if it is PENDING and unclaimed; only one node can. */
  boolean claim(long id, Instant now, Instant until) {
    return jdbc.update("update task_reminder set claimed_until = ? where id = ? and status = ? and claimed_until <= ?",
        Timestamp.from(until), id, PENDING, Timestamp.from(now)) == 1;
  }

  Optional<Mail> pending(long id) {
    return jdbc.query("select id, task_id, kind, recipients, subject, body from task_reminder where id = ? and status = ?",
        (row, n) -> new Mail(row.getLong("id"), row.getString("task_id"), row.getString("kind"),
            List.of(row.getString("recipients").split(",")), row.getString("subject"), row.getString("body")),
        id, PENDING).stream().findFirst();
  }

  void sent(long id, Instant now) {
    jdbc.update("update task_reminder set status = ?, sent_at = ?, attempts = attempts + 1, last_error = null"
        + " where id = ?", SENT, Timestamp.from(now), id);
  }

  void failed(long id, String error) {
    jdbc.update("update task_reminder set attempts = attempts + 1, last_error = ? where id = ?",
        cut(error == null ? "(no message)" : error, 1000), id);
  }

  private static String cut(String text, int most) {
    return text.length() <= most ? text : text.substring(0, most);
  }
}

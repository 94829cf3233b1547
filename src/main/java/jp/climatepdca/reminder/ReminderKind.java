package jp.climatepdca.reminder;

import java.util.Arrays;

/**
 * The four reminders of a task, in the order they come, each the timeout listener of that id on every user
 * task of the BPMN (its expression names the kind: {@code ${taskReminders.send(task, 'BEFORE_DUE')}}).
 */
enum ReminderKind {
  /** Some business days before the due date, to the people who can do the task. */
  BEFORE_DUE("TimeoutListener_ReminderBeforeDue", "期限が近づいています"),
  /** On the due date, to the same people. */
  ON_DUE("TimeoutListener_ReminderOnDue", "本日が期限です"),
  /** After the due date: a department's task to its head, any other to the secretariat. */
  OVERDUE("TimeoutListener_EscalationOverdue", "期限を過ぎています"),
  /** Later still: a department's task to the secretariat; nothing more for the others (already told). */
  OVERDUE_AGAIN("TimeoutListener_EscalationSecretariat", "期限を過ぎています（事務局へのお知らせ）");

  final String listenerId;
  final String headline;

  ReminderKind(String listenerId, String headline) {
    this.listenerId = listenerId;
    this.headline = headline;
  }

  /** An escalation, counted from the due date the server set (not one a person moved). */
  boolean escalation() {
    return this == OVERDUE || this == OVERDUE_AGAIN;
  }

  /** The kind after this one, or null for the last. */
  ReminderKind next() {
    return ordinal() + 1 < values().length ? values()[ordinal() + 1] : null;
  }

  static ReminderKind named(String name) {
    return Arrays.stream(values()).filter(k -> k.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no reminder kind " + name));
  }
}

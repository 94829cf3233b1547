/**
 * E-mail reminders of user tasks (docs/reminders.md): before and on a task's due date to the people who can
 * do it, after it to the department head and then the secretariat. The BPMN models them as four timeout
 * listeners on every user task; {@link jp.climatepdca.reminder.ReminderTimers} dates them from the task's due
 * date, {@link jp.climatepdca.reminder.TaskReminders} ({@code taskReminders}) is what they call, and each
 * reminder is recorded once in {@code task_reminder} before its mail goes out after the commit.
 */
package jp.climatepdca.reminder;

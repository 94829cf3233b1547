package jp.climatepdca.reminder;

import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What the reminder timers of every user task call ({@code ${taskReminders.send(task, 'BEFORE_DUE')}}, the
 * timeout listeners {@code TimeoutListener_Reminder…}/{@code TimeoutListener_Escalation…} of the BPMN). Runs in
 * the timer job's transaction: decides who is told what, records it once per task and kind
 * ({@link ReminderStore}), and leaves the sending to {@link ReminderSender} after the commit. A job run again
 * (a retry, the other node after a crash) finds the row and sends nothing more; a reminder overtaken by the
 * next one (the job ran late) is not sent.
 */
@Component("taskReminders")
@EnableConfigurationProperties(ReminderSettings.class)
@EnableScheduling
public class TaskReminders {

  private final ReminderSwitch reminders;
  private final ReminderTimers timers;
  private final ReminderDates dates;
  private final ReminderSubject subjects;
  private final ReminderRecipients recipients;
  private final ReminderMail mails;
  private final ReminderStore store;
  private final ReminderSender sender;
  private final ReminderSettings settings;
  private volatile Clock clock = Clock.systemUTC();

  TaskReminders(ReminderSwitch reminders, ReminderTimers timers, ReminderDates dates, ReminderSubject subjects,
      ReminderRecipients recipients, ReminderMail mails, ReminderStore store, ReminderSender sender,
      ReminderSettings settings) {
    this.reminders = reminders;
    this.timers = timers;
    this.dates = dates;
    this.subjects = subjects;
    this.recipients = recipients;
    this.mails = mails;
    this.store = store;
    this.sender = sender;
    this.settings = settings;
  }

  /** The timeout listener of reminder {@code kind} (a {@link ReminderKind} name) of this task. */
  public void send(DelegateTask task, String kind) {
    var reminder = ReminderKind.named(kind);
    if (!reminders.on() || timers.overtaken(reminder, task) || store.exists(task.getId(), reminder)) {
      return;
    }
    var subject = subjects.of(task);
    var to = recipients.of(reminder, task, subject);
    if (to.isEmpty()) {
      return; // this escalation does not apply to the task (a body's task has one only)
    }
    var dueDay = dates.dueDay(timers.dueFor(reminder, task));
    var text = mails.of(reminder, task, subject, dueDay, task.getProcessEngine().getName());
    var now = clock.instant();
    var id = store.insert(new ReminderStore.Decided(task.getId(), reminder, task.getTenantId(),
        task.getProcessInstanceId(), task.getName(), dueDay, to.get(), text.subject(), text.body()),
        now, now.plus(settings.retryAfter()));
    if (!to.get().isEmpty() && TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          sender.sendClaimed(id);
        }
      });
    }
    // without a transaction to wait for, the sweep sends it once its claim runs out
  }

  void useClock(Clock clock) {
    this.clock = clock;
  }
}

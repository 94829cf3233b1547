package jp.climatepdca.reminder;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.util.Date;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Hands recorded reminders to the SMTP server, outside any transaction: right after the timer job's commit on
 * the node that recorded it, and, for a row still PENDING once its claim has run out, on whichever node claims
 * it first ({@link #sweep}, every {@code climate-pdca.reminders.sweep-every}). Marked SENT once the server
 * accepted it. So a rolled-back job sends nothing, and the one window for a second mail is a node dying
 * between the server's acceptance and the mark; such a repeat carries the same Message-ID
 * ({@code <reminder-<row>@climate-pdca>}), by which mail programs recognise it.
 */
@Component
class ReminderSender {

  private static final Logger LOG = LoggerFactory.getLogger(ReminderSender.class);
  private static final int SWEEP_MOST = 100;

  private final ReminderStore store;
  private final ReminderSettings settings;
  private final ReminderSwitch reminders;
  private final ObjectProvider<JavaMailSender> mail;
  private volatile Clock clock = Clock.systemUTC();

  ReminderSender(ReminderStore store, ReminderSettings settings, ReminderSwitch reminders,
      ObjectProvider<JavaMailSender> mail) {
    this.store = store;
    this.settings = settings;
    this.reminders = reminders;
    this.mail = mail;
  }

  /** Sends a row this node holds the claim of (it recorded it a moment ago). */
  void sendClaimed(long id) {
    store.pending(id).ifPresent(this::send);
  }

  @Scheduled(fixedDelayString = "${climate-pdca.reminders.sweep-every}",
      initialDelayString = "${climate-pdca.reminders.sweep-every}")
  void sweep() {
    if (!reminders.on()) {
      return;
    }
    var now = clock.instant();
    for (var id : store.unclaimed(now, SWEEP_MOST)) {
      if (store.claim(id, now, now.plus(settings.retryAfter()))) {
        sendClaimed(id);
      }
    }
  }

  private void send(ReminderStore.Mail reminder) {
    var sender = mail.getIfAvailable();
    if (sender == null) {
      return; // no SMTP server configured: ReminderSwitch keeps reminders off, nothing was recorded
    }
    try {
      var message = message(sender, "<reminder-" + reminder.id() + "@climate-pdca>");
      message.setFrom(new InternetAddress(settings.from()));
      for (var to : reminder.recipients()) {
        message.addRecipient(MimeMessage.RecipientType.TO, new InternetAddress(to));
      }
      message.setSubject(reminder.subject(), "UTF-8");
      message.setText(reminder.body(), "UTF-8");
      message.setSentDate(Date.from(clock.instant()));
      sender.send(message);
      store.sent(reminder.id(), clock.instant());
      LOG.info("Reminder {} of task {} sent to {} recipient(s)", reminder.kind(), reminder.taskId(),
          reminder.recipients().size());
    } catch (MessagingException | RuntimeException e) {
      // stays PENDING: tried again once its claim runs out (retry-after), by this node or another
      store.failed(reminder.id(), e.getMessage());
      LOG.warn("Reminder {} of task {} not sent, tried again in {}: {}", reminder.kind(), reminder.taskId(),
          settings.retryAfter(), e.toString());
    }
  }

  /** A message whose Message-ID is the row's, so a repeat after a crash is recognisably the same mail. */
  private static MimeMessage message(JavaMailSender sender, String messageId) {
    if (sender instanceof JavaMailSenderImpl impl) {
      return new MimeMessage(impl.getSession()) {
        @Override
        protected void updateMessageID() throws MessagingException {
          setHeader("Message-ID", messageId);
        }
      };
    }
    return sender.createMimeMessage();
  }

  void useClock(Clock clock) {
    this.clock = clock;
  }
}

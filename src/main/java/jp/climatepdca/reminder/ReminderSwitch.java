package jp.climatepdca.reminder;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Reminders are on when they are enabled ({@code climate-pdca.reminders.enabled}) and an SMTP server is
 * configured ({@code spring.mail.host}, MAIL_HOST in the container): no server, no reminders, and no timer
 * jobs that would come due only to send nothing (their date is then the one that never comes).
 */
@Component
class ReminderSwitch {

  private static final Logger LOG = LoggerFactory.getLogger(ReminderSwitch.class);

  private final boolean on;

  ReminderSwitch(ReminderSettings settings, @Value("${spring.mail.host:}") String mailHost) {
    this.on = settings.enabled() && !mailHost.isBlank();
  }

  boolean on() {
    return on;
  }

  @EventListener(ApplicationReadyEvent.class)
  void tell() {
    LOG.info(on ? "E-mail reminders are on" : "E-mail reminders are off (climate-pdca.reminders.enabled false or no"
        + " spring.mail.host): tasks created now get no reminders (docs/reminders.md)");
  }
}

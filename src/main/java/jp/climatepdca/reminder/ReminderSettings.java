package jp.climatepdca.reminder;

import java.net.URI;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When reminders go out and what they link to ({@code climate-pdca.reminders}, docs/reminders.md). Counted in
 * business days of {@link jp.climatepdca.calendar.BusinessCalendar}: {@code daysBefore} before the due date,
 * the first escalation {@code escalationAfter} after it, the second {@code secretariatAfter} after the first;
 * each at {@code sendAt} in {@code zone}. {@code tasklistUrl} is the address people open Tasklist at (the
 * proxy's, not a node's). A mail not yet accepted by the SMTP server is tried again {@code retryAfter} later.
 */
@ConfigurationProperties(prefix = "climate-pdca.reminders")
record ReminderSettings(boolean enabled, int daysBefore, int escalationAfter, int secretariatAfter, LocalTime sendAt,
    ZoneId zone, URI tasklistUrl, String from, Duration retryAfter) {

  private static final int MOST_DAYS = 60;

  ReminderSettings {
    if (!within(daysBefore) || !within(escalationAfter) || !within(secretariatAfter) || sendAt == null || zone == null
        || tasklistUrl == null || from == null || from.isBlank() || retryAfter == null || retryAfter.isNegative()
        || retryAfter.isZero()) {
      throw new IllegalArgumentException("climate-pdca.reminders: days-before, escalation-after and secretariat-after"
          + " must be 1 to " + MOST_DAYS + " business days; send-at, zone, tasklist-url, from and a positive"
          + " retry-after must be given");
    }
  }

  private static boolean within(int days) {
    return days >= 1 && days <= MOST_DAYS;
  }
}

package jp.climatepdca.deadline;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code climate-pdca.deadlines}: how the server dates tasks (docs/deadlines.md).
 *
 * @param followUpBusinessDays the follow-up date (Tasklist's フォローアップ日) is this many business days before the
 *     due date (default 5)
 * @param unscheduledBusinessDays a task whose step has no schedule entry is due this many business days after it
 *     was created (default 10)
 */
@ConfigurationProperties(prefix = "climate-pdca.deadlines")
record DeadlineProperties(Integer followUpBusinessDays, Integer unscheduledBusinessDays) {

  DeadlineProperties {
    followUpBusinessDays = followUpBusinessDays == null ? 5 : followUpBusinessDays;
    unscheduledBusinessDays = unscheduledBusinessDays == null ? 10 : unscheduledBusinessDays;
    if (followUpBusinessDays < 0 || followUpBusinessDays > 60 || unscheduledBusinessDays < 1 || unscheduledBusinessDays > 250) {
      throw new IllegalStateException("climate-pdca.deadlines: follow-up-business-days must be 0-60 and"
          + " unscheduled-business-days 1-250 (" + followUpBusinessDays + ", " + unscheduledBusinessDays + ")");
    }
  }
}

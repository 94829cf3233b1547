package jp.climatepdca.system;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.security.authentication.LockedException;

/**
 * The identity service refused a login because the account is locked after wrong passwords, whatever the
 * password given now. Answered with 401 (the login failed; the client may retry later, Retry-After says
 * when) and a Japanese message that says until when, or that an administrator must unlock it.
 */
public class AccountLockedException extends LockedException {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H時mm分ss秒")
      .withZone(ZoneId.of("Asia/Tokyo"));

  private final Long retryAfterSeconds;

  private AccountLockedException(String message, Long retryAfterSeconds) {
    super(message);
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** {@code now} is the engine's clock, which set the lock. */
  public static AccountLockedException until(Instant until, Instant now) {
    return new AccountLockedException("ログインに続けて失敗したため、このアカウントは " + TIME.format(until)
        + "（日本時間）までロックされています。時間をおいてから正しいパスワードでログインしてください",
        Math.max(1, Duration.between(now, until).toSeconds() + 1));
  }

  public static AccountLockedException untilUnlocked() {
    return new AccountLockedException("ログインの失敗が上限に達したため、このアカウントはロックされています。"
        + "管理者にロックの解除を依頼してください", null);
  }

  /** Seconds until a login may succeed again; null when only an administrator can unlock. */
  Long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}

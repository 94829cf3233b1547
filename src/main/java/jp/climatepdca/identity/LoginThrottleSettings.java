package jp.climatepdca.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How wrong passwords slow down further attempts ({@code climate-pdca.security.login-throttle}).
 * After more than {@code accountFreeFailures} failures of one account from one client address, each
 * further failure blocks that pair for {@code baseDelay} × 2^(n−1), at most {@code maxDelay}; after
 * more than {@code clientFreeFailures} failures from one address over all accounts, the address is
 * blocked the same way for every account (generous: an office may reach us through one address).
 * Counts are forgotten {@code forgetAfter} the last failure, and a success forgets its pair's count.
 */
@ConfigurationProperties(prefix = "climate-pdca.security.login-throttle")
record LoginThrottleSettings(int accountFreeFailures, int clientFreeFailures, Duration baseDelay, Duration maxDelay,
    Duration forgetAfter) {

  LoginThrottleSettings {
    if (accountFreeFailures < 0 || clientFreeFailures < 0 || baseDelay == null || maxDelay == null
        || forgetAfter == null || baseDelay.isNegative() || maxDelay.compareTo(baseDelay) < 0) {
      throw new IllegalArgumentException("climate-pdca.security.login-throttle: free failures must be 0 or more,"
          + " base-delay, max-delay and forget-after given, max-delay at least base-delay");
    }
  }

  /** How long the n-th failure over the free ones blocks (n = 1 for the first that is not free). */
  Duration delay(int beyondFree) {
    if (beyondFree <= 0) {
      return Duration.ZERO;
    }
    // 2^30 × any sensible base is past every max: stop doubling before the long overflows
    var factor = 1L << Math.min(beyondFree - 1, 30);
    var millis = baseDelay.toMillis() > maxDelay.toMillis() / factor ? maxDelay.toMillis() : baseDelay.toMillis() * factor;
    return Duration.ofMillis(Math.min(millis, maxDelay.toMillis()));
  }
}

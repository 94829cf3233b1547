package jp.climatepdca.identity;

import java.util.function.BooleanSupplier;
import jp.climatepdca.engine.PasswordCheckHook;
import org.springframework.stereotype.Component;

/**
 * Login throttling around the engine's password check. Every door asks that one check: Tasklist's and
 * Cockpit's login, /engine-rest's Basic authentication and /api's (IdentityServiceAuthenticationProvider);
 * the engine package's {@link PasswordCheckHook} puts this policy into the engine's identity service and
 * stops the start if it is not there. A blocked attempt is refused whatever the password, and answered
 * exactly like a wrong password and an unknown account, each door in its own way; the password is checked
 * even then, so the three take the same work. The engine's own lockout (which locks an account for
 * everybody) is switched off in application.yaml.
 */
@Component
class ThrottledPasswordCheck implements PasswordCheckHook.Policy {

  private final LoginThrottle throttle;

  ThrottledPasswordCheck(LoginThrottle throttle) {
    this.throttle = throttle;
  }

  @Override
  public boolean checkPassword(String userId, BooleanSupplier passwordMatches) {
    var client = ClientAddress.current();
    var state = throttle.state(userId, client);
    var valid = passwordMatches.getAsBoolean();
    if (state.blocked()) {
      throttle.refused(userId, client);
      return false;
    }
    if (valid) {
      if (state.counted()) {
        throttle.succeeded(userId, client);
      }
      return true;
    }
    throttle.failed(userId, client);
    return false;
  }

  /** Camunda Admin's and /engine-rest's unlock lifts our throttling of the account as well. */
  @Override
  public void unlocked(String userId) {
    throttle.forget(userId);
  }
}

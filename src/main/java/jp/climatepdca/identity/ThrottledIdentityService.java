package jp.climatepdca.identity;

import org.camunda.bpm.engine.impl.IdentityServiceImpl;

/**
 * The engine's identity service with login throttling around its password check. Every door asks
 * this one method: Tasklist's and Cockpit's login, /engine-rest's Basic authentication and /api's
 * (IdentityServiceAuthenticationProvider). A blocked attempt is refused whatever the password, and
 * answered exactly like a wrong password and an unknown account, each door in its own way; the
 * password is checked even then, so the three take the same work. The engine's own lockout (which
 * locks an account for everybody) is switched off in application.yaml. Installed by
 * {@link LoginThrottlePlugin}.
 */
final class ThrottledIdentityService extends IdentityServiceImpl {

  private final LoginThrottle throttle;

  ThrottledIdentityService(LoginThrottle throttle) {
    this.throttle = throttle;
  }

  @Override
  public boolean checkPassword(String userId, String password) {
    var client = ClientAddress.current();
    var state = throttle.state(userId, client);
    var valid = super.checkPassword(userId, password);
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
  public void unlockUser(String userId) {
    super.unlockUser(userId);
    throttle.forget(userId);
  }
}

package jp.climatepdca.area;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;

/**
 * A step of one tenant's process that must reach another tenant's (a member's hand-in to its area, the area's
 * return and notification). They run as jobs, and Camunda runs a job of a tenant with an authentication of that
 * tenant alone (ExecuteJobsCmd: no user, the job's tenant): its tenant check would hide the other tenant's
 * instance, and the engine guard refuses a message correlation to anyone but an administrator. The step runs
 * without that authentication, as the engine itself, and puts it back afterwards. Only for our own delegates,
 * which find the target from our tables and the business key, never from a variable a user can write.
 */
final class CrossTenant {

  private CrossTenant() {}

  static <T> T asEngine(IdentityService identity, Supplier<T> step) {
    var authentication = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return step.get();
    } finally {
      if (authentication != null) {
        identity.setAuthentication(authentication);
      }
    }
  }
}

package jp.climatepdca.area;

import org.camunda.bpm.engine.IdentityService;

/** Who a service task of the area acts for: the person whose completion ran it, else the engine's job. */
final class AreaUsers {

  private AreaUsers() {}

  static String current(IdentityService identity) {
    var auth = identity.getCurrentAuthentication();
    return auth != null && auth.getUserId() != null ? auth.getUserId() : "system";
  }
}

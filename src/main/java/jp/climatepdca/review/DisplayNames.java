package jp.climatepdca.review;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/**
 * A person as staff know them: first and last name from Camunda's identity service (as Tasklist shows the
 * assignee), not the login id. Falls back to the id when the user is gone or cannot be read by whoever is
 * working (the engine filters user queries by authorization; everyone can read their own user).
 */
@Component
public class DisplayNames {

  private final IdentityService identity;

  DisplayNames(IdentityService identity) {
    this.identity = identity;
  }

  public String of(String userId) {
    if (userId == null) {
      return "";
    }
    var user = identity.createUserQuery().userId(userId).singleResult();
    if (user == null) {
      return userId;
    }
    var name = (nullToEmpty(user.getFirstName()) + " " + nullToEmpty(user.getLastName())).strip();
    return name.isEmpty() ? userId : name;
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s.strip();
  }
}

package jp.climatepdca.testing;

import org.camunda.bpm.engine.IdentityService;

/** A user of a test's own municipality or area, with the tests' password, in one group. */
public final class TestUsers {

  private TestUsers() {}

  public static void add(IdentityService identity, String id, String firstName, String lastName, String group) {
    var user = identity.newUser(id);
    user.setFirstName(firstName);
    user.setLastName(lastName);
    user.setPassword(Http.PASSWORD);
    identity.saveUser(user);
    identity.createMembership(id, group);
  }
}

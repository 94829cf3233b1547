package jp.climatepdca.identity;

import java.util.ArrayList;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * One user store: /api asks Camunda's identity service, like Tasklist and /engine-rest do, so a person
 * has one password (hashed by the engine) and one set of groups, and the login throttling
 * ({@link ThrottledPasswordCheck}) counts failures from all three doors together. A wrong password,
 * an unknown user and an attempt while throttled get the same answer, so a stranger learns neither
 * which accounts exist nor whether the throttling holds them back. Besides the groups, the user's tenants
 * (their own and their groups'), which {@link Roles} requires of every municipality it lets them see.
 */
@Component
class IdentityServiceAuthenticationProvider implements AuthenticationProvider {

  static final String REFUSED = "ユーザーIDまたはパスワードが正しくありません。"
      + "続けて失敗したときは、しばらく待ってから入力し直してください";

  private final IdentityService identity;

  IdentityServiceAuthenticationProvider(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    var user = authentication.getName();
    var password = authentication.getCredentials() == null ? null : authentication.getCredentials().toString();
    if (!identity.checkPassword(user, password)) {
      throw new BadCredentialsException(REFUSED);
    }
    return asNow(identity, user);
  }

  /** The user with the groups and tenants the identity service gives now (the password checked elsewhere). */
  static Authentication asNow(IdentityService identity, String user) {
    var authorities = new ArrayList<GrantedAuthority>();
    for (Group group : identity.createGroupQuery().groupMember(user).list()) {
      authorities.add(new SimpleGrantedAuthority(group.getId()));
    }
    // the tenants, as Tasklist's login and /engine-rest's filter authenticate the engine with them: so /api's
    // role checks (Roles) agree with the engine's tenant check
    for (Tenant tenant : identity.createTenantQuery().userMember(user).includingGroupsOfUser(true).list()) {
      authorities.add(new TenantMembership(tenant.getId()));
    }
    return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}

package jp.climatepdca.identity;

import java.util.ArrayList;
import jp.climatepdca.system.AccountLockedException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * One user store: /api asks Camunda's identity service, like Tasklist and /engine-rest do, so a person
 * has one password (hashed by the engine) and one set of groups, and the engine's login throttling
 * (application.yaml) counts failures from all three doors together.
 */
@Component
class IdentityServiceAuthenticationProvider implements AuthenticationProvider {

  private final IdentityService identity;
  private final ProcessEngineConfigurationImpl engine;

  IdentityServiceAuthenticationProvider(IdentityService identity, ProcessEngineConfiguration engine) {
    this.identity = identity;
    this.engine = (ProcessEngineConfigurationImpl) engine;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    var user = authentication.getName();
    var password = authentication.getCredentials() == null ? null : authentication.getCredentials().toString();
    if (user == null || password == null) {
      throw new BadCredentialsException("ユーザーIDまたはパスワードが正しくありません");
    }
    // checkPassword answers only yes or no; a lock that was already there before this attempt is why it
    // said no, and the person should learn that rather than doubt a correct password
    var lockBefore = lock(user);
    if (!identity.checkPassword(user, password)) {
      if (lockBefore != null) {
        throw lockBefore;
      }
      throw new BadCredentialsException("ユーザーIDまたはパスワードが正しくありません");
    }
    var authorities = new ArrayList<GrantedAuthority>();
    for (Group group : identity.createGroupQuery().groupMember(user).list()) {
      authorities.add(new SimpleGrantedAuthority(group.getId()));
    }
    return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
  }

  /** The lock the engine holds on the account now (its clock, its rules), or null. */
  private AccountLockedException lock(String userId) {
    if (!(identity.createUserQuery().userId(userId).singleResult() instanceof UserEntity user)) {
      return null;
    }
    if (user.getAttempts() >= engine.getLoginMaxAttempts()) {
      return AccountLockedException.untilUnlocked();
    }
    var now = ClockUtil.getCurrentTime();
    var until = user.getLockExpirationTime();
    return until != null && until.after(now) ? AccountLockedException.until(until.toInstant(), now.toInstant()) : null;
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}

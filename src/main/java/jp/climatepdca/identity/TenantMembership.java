package jp.climatepdca.identity;

import org.springframework.security.core.GrantedAuthority;

/**
 * A Camunda tenant the /api user belongs to, directly or through a group: granted beside the user's
 * groups by {@link IdentityServiceAuthenticationProvider}, read by {@link Roles}. Its own type, so that no
 * group id can pass for a tenant.
 */
record TenantMembership(String tenantId) implements GrantedAuthority {

  @Override
  public String getAuthority() {
    return "tenant:" + tenantId;
  }
}

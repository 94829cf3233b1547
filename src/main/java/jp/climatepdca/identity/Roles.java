package jp.climatepdca.identity;

import jp.climatepdca.system.MunicipalityPermission;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * What a person may do in the API, decided from their Camunda groups and tenants (the authorities the
 * authentication provider grants). Bean {@code roles}, usable in {@code @PreAuthorize}. Every answer about a
 * municipality also asks that the person belongs to its tenant (docs/tenants.md), as the engine's tenant
 * check does in Tasklist and /engine-rest; administrators see everything.
 */
@Component("roles")
public class Roles implements MunicipalityPermission {

  public static Set<String> groups(Authentication auth) {
    if (auth == null) {
      return Set.of();
    }
    return auth.getAuthorities().stream().filter(a -> !(a instanceof TenantMembership))
        .map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
  }

  /** The Camunda tenants (municipality and area codes) the person belongs to, directly or through a group. */
  public static Set<String> tenants(Authentication auth) {
    if (auth == null) {
      return Set.of();
    }
    return auth.getAuthorities().stream().filter(TenantMembership.class::isInstance)
        .map(a -> ((TenantMembership) a).tenantId()).collect(Collectors.toSet());
  }

  public boolean isAdmin(Authentication auth) {
    return groups(auth).contains(GroupNames.ADMIN);
  }

  /** Any secretariat or an administrator: may load plans and start cycles at all. */
  public boolean canManagePlans(Authentication auth) {
    return isAdmin(auth) || groups(auth).stream().anyMatch(g -> g.endsWith("-secretariat"));
  }

  public boolean canStartCycle(Authentication auth, String municipality) {
    return managesMunicipality(auth, municipality);
  }

  @Override
  public boolean managesMunicipality(Authentication auth, String municipality) {
    return isAdmin(auth) || inTenant(auth, municipality) && groups(auth).contains(GroupNames.secretariat(municipality));
  }

  /** Secretariat, headquarters and committee see the whole municipality; departments only themselves. */
  public boolean seesWholeMunicipality(Authentication auth, String municipality) {
    var groups = groups(auth);
    return isAdmin(auth) || inTenant(auth, municipality) && (groups.contains(GroupNames.secretariat(municipality))
        || groups.contains(GroupNames.headquarters(municipality))
        || groups.contains(GroupNames.committee(municipality))
        || groups.contains(GroupNames.liaison(municipality)));
  }

  /**
   * The annual report before publication (its preview and draft PDF): the secretariat that prepares and
   * publishes it and headquarters, who approve it; not the departments, the committee or another town.
   */
  public boolean seesReportDraft(Authentication auth, String municipality) {
    var groups = groups(auth);
    return isAdmin(auth) || inTenant(auth, municipality) && (groups.contains(GroupNames.secretariat(municipality))
        || groups.contains(GroupNames.headquarters(municipality)));
  }

  public boolean seesDepartment(Authentication auth, String municipality, String department) {
    var groups = groups(auth);
    return seesWholeMunicipality(auth, municipality) || inTenant(auth, municipality)
        && (groups.contains(GroupNames.departmentStaff(municipality, department))
        || groups.contains(GroupNames.departmentHead(municipality, department)));
  }

  /** The department's staff, who fill its self-assessment (not its head, the secretariat or an administrator). */
  public boolean entersForDepartment(Authentication auth, String municipality, String department) {
    return inTenant(auth, municipality) && groups(auth).contains(GroupNames.departmentStaff(municipality, department));
  }

  /** A member of the municipality's tenant, or an administrator. */
  @Override
  public boolean belongsTo(Authentication auth, String municipality) {
    return isAdmin(auth) || inTenant(auth, municipality);
  }

  /**
   * The tenant, not a group id's prefix: codes may contain hyphens, so {@code 123-4-secretariat} would start
   * with the prefix of municipality {@code 123}.
   */
  private static boolean inTenant(Authentication auth, String municipality) {
    return municipality != null && tenants(auth).contains(municipality);
  }
}

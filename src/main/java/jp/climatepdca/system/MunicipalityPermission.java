package jp.climatepdca.system;

import org.springframework.security.core.Authentication;

/**
 * Whether a person manages a municipality's plan and cycles (its secretariat, or an administrator).
 * Declared here and implemented by the identity feature, so features that only ask the question do
 * not depend on how groups are named.
 */
public interface MunicipalityPermission {

  boolean managesMunicipality(Authentication auth, String municipality);

  /** Whether the person belongs to the municipality's tenant (or is an administrator). */
  boolean belongsTo(Authentication auth, String municipality);
}

package jp.climatepdca.system;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;

/**
 * Camunda's /engine-rest authentication, without its one exception: Camunda lets anyone list the
 * process engines (GET /engine-rest/engine). We want every /engine-rest path behind a login, so a
 * stranger learns nothing, not even the engine names; the engine addressed by such a path is the default one.
 */
class EngineRestAuthenticationFilter extends ProcessEngineAuthenticationFilter {

  @Override
  protected boolean requiresEngineAuthentication(String requestUrl) {
    return true;
  }
}

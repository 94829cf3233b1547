package jp.climatepdca.identity;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Gives the engine the {@link ThrottledIdentityService} before it wires its services, and checks once
 * it is built that every door will ask it: an engine that replaced the identity service again (or an
 * upgrade that moved the setter) would silently drop the throttling, so the start fails instead.
 */
@Component
class LoginThrottlePlugin extends AbstractProcessEnginePlugin {

  private final LoginThrottle throttle;

  LoginThrottlePlugin(LoginThrottle throttle) {
    this.throttle = throttle;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setIdentityService(new ThrottledIdentityService(throttle));
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    if (!(engine.getIdentityService() instanceof ThrottledIdentityService)) {
      throw new IllegalStateException("login throttling is not installed: the engine's identity service is "
          + engine.getIdentityService().getClass().getName() + ", not ThrottledIdentityService");
    }
  }
}

package jp.climatepdca.engine;

import java.util.function.BooleanSupplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A {@link Policy} around every password check of the engine's identity service: identity's login
 * throttling. Every door asks {@code IdentityService.checkPassword} (Tasklist's and Cockpit's login,
 * /engine-rest's Basic authentication, /api's authentication provider), so the policy is put there, in a
 * subclass of Camunda's IdentityServiceImpl that the engine is given before it wires its services.
 *
 * <p>The hook: the engine's setter for its identity service in {@code preInit}, and the engine keeping the
 * service it was given. An engine that replaced it again (another plugin, an upgrade that wires its services
 * otherwise) would silently drop the throttling, so once the engine is built its identity service must be
 * the one installed here, and the engine must have called this plugin at all; otherwise the start stops
 * ({@link EngineHookMismatch}). PasswordCheckHookTest feeds it both.
 */
@Component
public class PasswordCheckHook extends AbstractProcessEnginePlugin {

  /** What decides a sign-in, given the engine's own verdict on the password. */
  public interface Policy {

    /**
     * Whether the password check succeeds. {@code passwordMatches} is the engine's own check of the stored
     * hash; the policy asks it exactly once.
     */
    boolean checkPassword(String userId, BooleanSupplier passwordMatches);

    /** An administrator unlocked the account through the engine (Admin, /engine-rest). */
    void unlocked(String userId);
  }

  private final Policy policy;
  private PolicedIdentityService installed;
  private volatile boolean verified;

  PasswordCheckHook(Policy policy) {
    this.policy = policy;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    installed = new PolicedIdentityService(policy);
    configuration.setIdentityService(installed);
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    var identity = engine.getIdentityService();
    if (installed == null || identity != installed) {
      throw new EngineHookMismatch(PasswordCheckHook.class, "the engine's identity service is "
          + identity.getClass().getName() + (installed == null ? " (the plugin's preInit was never called)"
          : ", not the one given to it in preInit") + ", so passwords would be checked without "
          + policy.getClass().getSimpleName());
    }
    verified = true;
  }

  /** The engine called this plugin around its build: otherwise the policy checks nothing. */
  @EventListener(ApplicationReadyEvent.class)
  void verifyCalled() {
    if (!verified) {
      throw new EngineHookMismatch(PasswordCheckHook.class, "the engine never called the plugin around its build,"
          + " so passwords would be checked without " + policy.getClass().getSimpleName());
    }
  }

  /** Camunda's identity service, with the policy around its password check and its unlock. */
  private static final class PolicedIdentityService extends IdentityServiceImpl {

    private final Policy policy;

    PolicedIdentityService(Policy policy) {
      this.policy = policy;
    }

    @Override
    public boolean checkPassword(String userId, String password) {
      return policy.checkPassword(userId, () -> super.checkPassword(userId, password));
    }

    @Override
    public void unlockUser(String userId) {
      super.unlockUser(userId);
      policy.unlocked(userId);
    }
  }
}

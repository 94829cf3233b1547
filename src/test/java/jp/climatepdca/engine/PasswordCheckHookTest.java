package jp.climatepdca.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;

/**
 * {@link PasswordCheckHook}: every password check and unlock of the engine's identity service goes through
 * the policy (identity's login throttling), with the engine's own verdict on the password; an engine whose
 * identity service is another than the one installed, or that never called the plugin, stops the start.
 */
class PasswordCheckHookTest {

  /** Records what it was asked and refuses every sign-in, whatever the password. */
  private static final class Recording implements PasswordCheckHook.Policy {
    final List<String> asked = new ArrayList<>();

    @Override
    public boolean checkPassword(String userId, BooleanSupplier passwordMatches) {
      asked.add(userId + " " + passwordMatches.getAsBoolean());
      return false;
    }

    @Override
    public void unlocked(String userId) {
      asked.add("unlocked " + userId);
    }
  }

  @Test
  void everyPasswordCheckAndUnlockOfTheEngineAsksThePolicy() {
    var policy = new Recording();
    var hook = new PasswordCheckHook(policy);
    var engine = PlainEngine.build("password", hook);
    try {
      var identity = engine.getIdentityService();
      var user = identity.newUser("kankyo01");
      user.setPassword("correct horse");
      identity.saveUser(user);

      assertThat(identity.checkPassword("kankyo01", "correct horse")).as("the policy's answer").isFalse();
      assertThat(identity.checkPassword("kankyo01", "wrong")).isFalse();
      identity.unlockUser("kankyo01");
      assertThat(policy.asked).containsExactly("kankyo01 true", "kankyo01 false", "unlocked kankyo01");
      hook.verifyCalled();
    } finally {
      engine.close();
    }
  }

  @Test
  void anotherIdentityServiceInTheEngineStopsTheStart() {
    var hook = new PasswordCheckHook(new Recording());
    assertThatThrownBy(() -> PlainEngine.build("passwordReplaced", hook, new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setIdentityService(new IdentityServiceImpl());
      }
    })).isInstanceOf(EngineHookMismatch.class)
        .hasMessageStartingWith("PasswordCheckHook no longer matches the process engine")
        .hasMessageContaining("not the one given to it in preInit, so passwords would be checked without Recording");
    assertThatThrownBy(hook::verifyCalled).isInstanceOf(EngineHookMismatch.class);
  }

  @Test
  void anEngineThatNeverCalledThePluginStopsTheStart() {
    assertThatThrownBy(new PasswordCheckHook(new Recording())::verifyCalled).isInstanceOf(EngineHookMismatch.class)
        .hasMessageContaining("never called the plugin around its build");
  }
}

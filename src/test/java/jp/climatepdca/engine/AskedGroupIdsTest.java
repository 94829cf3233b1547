package jp.climatepdca.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.junit.jupiter.api.Test;

/**
 * {@link AskedGroupIds}: the engine's commands get its authorization manager (on H2 it behaves as Camunda's:
 * the groups holding an authorization among the asked ones); an engine that gives its commands another one
 * stops the start. PostgresTaskQueriesTest checks on PostgreSQL that only the asked groups are looked up and
 * that every kind of grant still shows exactly its tasks.
 */
class AskedGroupIdsTest {

  @Test
  void theEnginesCommandsUseTheManagerAndItAnswersAsCamundas() {
    var hook = new AskedGroupIds();
    var engine = PlainEngine.build("askedGroups", hook);
    try {
      var auth = engine.getAuthorizationService();
      var grant = auth.createNewAuthorization(org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT);
      grant.setGroupId("123456-env-staff");
      grant.setResource(org.camunda.bpm.engine.authorization.Resources.APPLICATION);
      grant.setResourceId("tasklist");
      grant.addPermission(org.camunda.bpm.engine.authorization.Permissions.ACCESS);
      auth.saveAuthorization(grant);
      var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
      var filtered = configuration.getCommandExecutorTxRequired().execute(context -> {
        assertThat(context.getAuthorizationManager()).isInstanceOf(AskedGroupIds.Manager.class);
        return context.getAuthorizationManager().filterAuthenticatedGroupIds(
            List.of("123456-env-staff", "123456-waste-staff"));
      });
      assertThat(filtered).containsExactly("123456-env-staff");
      hook.verifyCalled();
    } finally {
      engine.close();
    }
  }

  @Test
  void anotherAuthorizationManagerInTheCommandsStopsTheStart() {
    var hook = new AskedGroupIds();
    assertThatThrownBy(() -> PlainEngine.build("askedGroupsReplaced", hook, new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        var factories = new ArrayList<>(configuration.getCustomSessionFactories());
        factories.add(new SessionFactory() {
          @Override
          public Class<?> getSessionType() {
            return AuthorizationManager.class;
          }

          @Override
          public Session openSession() {
            return new AuthorizationManager();
          }
        });
        configuration.setCustomSessionFactories(factories);
      }
    })).isInstanceOf(EngineHookMismatch.class)
        .hasMessageStartingWith("AskedGroupIds no longer matches the process engine")
        .hasMessageContaining("a command's authorization manager is " + AuthorizationManager.class.getName());
    assertThatThrownBy(hook::verifyCalled).isInstanceOf(EngineHookMismatch.class);
  }
}

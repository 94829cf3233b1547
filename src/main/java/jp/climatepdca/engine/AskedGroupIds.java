package jp.climatepdca.engine;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL, an authorization check learns which of the user's groups hold any authorization by looking
 * up those groups only, instead of reading every group that holds one. Camunda's
 * {@code AuthorizationManager.filterAuthenticatedGroupIds} reads all of them once per command
 * ({@link AuthorizedGroupIds#STATEMENT}) and keeps the ones the user is in. A group holds an authorization
 * as soon as it has Tasklist access or an open task: with every municipality of Japan a tenant (1,741, each with
 * its secretariat and departments' groups) that is about 30,000 group ids, read by every command of every
 * request (600 ms under load for the walk along the index of {@link AuthorizedGroupIds}), while the user is in
 * one or two of them. So the manager is replaced by one whose filter hands the groups it was asked about to
 * {@link PostgresTaskQueries}, which looks up exactly those (by index, a parameter each); on other databases,
 * and for any other text of the statement, Camunda's own behaviour runs. The answer is the same set: the asked
 * groups that hold an authorization. It is asked again for each check instead of once per command, because a
 * command may check other groups than the user's (an administrator asking for another user's rights).
 *
 * <p>The hook: the engine's session factory for {@code AuthorizationManager} (replaced in {@code preInit}) and
 * that manager's cache field {@code availableAuthorizedGroupIds}. Checked once the engine is built: a command's
 * authorization manager must be this one, or {@link EngineHookMismatch} stops the start (AskedGroupIdsTest).
 */
@Component
class AskedGroupIds extends AbstractProcessEnginePlugin {

  private static final ThreadLocal<List<String>> ASKED = new ThreadLocal<>();
  private volatile boolean verified;

  /** The groups whose authorizations the running check asks about, or null outside such a check. */
  static List<String> asked() {
    return ASKED.get();
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    var factories = configuration.getCustomSessionFactories() == null
        ? new java.util.ArrayList<SessionFactory>() : new java.util.ArrayList<>(configuration.getCustomSessionFactories());
    factories.add(new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return AuthorizationManager.class;
      }

      @Override
      public Session openSession() {
        return new Manager();
      }
    });
    configuration.setCustomSessionFactories(factories);
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    var manager = configuration.getCommandExecutorTxRequired().execute(context -> context.getAuthorizationManager());
    if (!(manager instanceof Manager)) {
      throw new EngineHookMismatch(AskedGroupIds.class, "a command's authorization manager is "
          + manager.getClass().getName() + ", not the one whose session factory the plugin gave the engine");
    }
    verified = true;
  }

  /** The engine called this plugin around its build: otherwise every command reads every group again. */
  @EventListener(ApplicationReadyEvent.class)
  void verifyCalled() {
    if (!verified) {
      throw new EngineHookMismatch(AskedGroupIds.class, "the engine never called the plugin around its build");
    }
  }

  /** Camunda's manager, whose group filter looks up the asked groups on PostgreSQL. */
  static final class Manager extends AuthorizationManager {

    @Override
    public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
      if (authenticatedGroupIds == null || authenticatedGroupIds.isEmpty()
          || !DbSqlSessionFactory.POSTGRES.equals(Context.getProcessEngineConfiguration().getDatabaseType())) {
        return super.filterAuthenticatedGroupIds(authenticatedGroupIds);
      }
      // Camunda keeps the answer for the rest of the command; here it holds only the asked groups
      availableAuthorizedGroupIds = null;
      ASKED.set(List.copyOf(authenticatedGroupIds));
      try {
        return super.filterAuthenticatedGroupIds(authenticatedGroupIds);
      } finally {
        ASKED.remove();
        availableAuthorizedGroupIds = null;
      }
    }
  }
}

package jp.climatepdca.engine;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantCommandChecker;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Town A's user acting on town B's task, instance or job by its id is refused with 403, like any other act
 * without the right to it, instead of 500. Camunda's tenant check refuses such a command with a plain
 * {@code ProcessEngineException} ("Cannot read the task … because it belongs to no authenticated tenant"),
 * which its REST layer (/engine-rest, Tasklist's and Cockpit's engine API) answers as a server error: the
 * refusal holds, but staff and monitoring see a fault where there is none. So the engine's tenant checker
 * is wrapped: what it refuses is thrown on as an {@link AuthorizationException} (403) with a Japanese message;
 * everything it allows, and everything else it throws, passes unchanged. Queries are not concerned: they
 * filter by tenant and find nothing (404, empty lists).
 *
 * <p>The hook: the engine's list of command checkers holding Camunda's {@code TenantCommandChecker}, and that
 * checker's refusal being recognisable by its text. Both are checked at start-up: after the engine's
 * {@code init} the list holds exactly one such checker (which is then wrapped), and once the application is
 * ready the wrapped checker, asked to let a user without tenants read a task of a tenant, must refuse with
 * the 403. Otherwise {@link EngineHookMismatch} stops the start (TenantRefusalsTest feeds it both).
 */
@Component
class TenantRefusals extends AbstractProcessEnginePlugin {

  /** The text of Camunda's refusal (CommandLogger, ENGINE-13034): "Cannot {} because it belongs to …". */
  static final String CAMUNDAS_REFUSAL = "because it belongs to no authenticated tenant";
  static final String REFUSED = "他の自治体・圏域（テナント）のデータは扱えません: ";

  private volatile ProcessEngineConfigurationImpl configuration;

  @Override
  public void postInit(ProcessEngineConfigurationImpl engineConfiguration) {
    var checkers = engineConfiguration.getCommandCheckers();
    var tenantCheckers = checkers == null ? List.of()
        : checkers.stream().filter(TenantCommandChecker.class::isInstance).toList();
    if (tenantCheckers.size() != 1) {
      throw new EngineHookMismatch(TenantRefusals.class, "the engine's command checkers are " + checkers
          + ", not a list holding one " + TenantCommandChecker.class.getName());
    }
    var wrapped = new ArrayList<CommandChecker>();
    for (var checker : checkers) {
      wrapped.add(checker instanceof TenantCommandChecker ? refusingWith403(checker) : checker);
    }
    engineConfiguration.setCommandCheckers(wrapped);
    configuration = engineConfiguration;
  }

  /** The engine called this plugin, and its tenant checker's refusal comes out as a 403. */
  @EventListener(ApplicationReadyEvent.class)
  void verify() {
    if (configuration == null) {
      throw new EngineHookMismatch(TenantRefusals.class, "the engine never called the plugin's postInit");
    }
    probe(configuration);
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    // nothing: the probe needs the application's engine as it serves requests, once it is ready
  }

  /** A user without tenants asks to read a task of tenant "probe": the wrapped checker must refuse with a 403. */
  static void probe(ProcessEngineConfigurationImpl engineConfiguration) {
    var identity = engineConfiguration.getIdentityService();
    identity.setAuthentication("engine-hook-probe", List.of(), List.of());
    Throwable refusal;
    try {
      refusal = engineConfiguration.getCommandExecutorTxRequired().execute(context -> {
        var task = new TaskEntity();
        task.setId("engine-hook-probe-task");
        task.setTenantId("engine-hook-probe");
        try {
          engineConfiguration.getCommandCheckers().forEach(checker -> checker.checkReadTask(task));
          return null;
        } catch (RuntimeException e) {
          return e;
        }
      });
    } finally {
      identity.clearAuthentication();
    }
    if (!(refusal instanceof AuthorizationException) || !refusal.getMessage().startsWith(REFUSED)) {
      throw new EngineHookMismatch(TenantRefusals.class, "reading a task of another tenant, a user without that tenant"
          + " got " + (refusal == null ? "no refusal" : refusal.getClass().getName() + ": " + refusal.getMessage())
          + ", not a 403 (AuthorizationException) from the wrapped tenant check");
    }
  }

  static CommandChecker refusingWith403(CommandChecker camundas) {
    InvocationHandler handler = (proxy, method, args) -> invoke(camundas, method, args);
    return (CommandChecker) Proxy.newProxyInstance(TenantRefusals.class.getClassLoader(),
        new Class<?>[] {CommandChecker.class}, handler);
  }

  private static Object invoke(CommandChecker camundas, Method method, Object[] args) throws Throwable {
    if (method.getDeclaringClass() == Object.class) {
      return "toString".equals(method.getName()) ? "TenantRefusals(" + camundas + ")" : method.invoke(camundas, args);
    }
    try {
      return method.invoke(camundas, args);
    } catch (InvocationTargetException e) {
      var cause = e.getCause();
      if (cause instanceof ProcessEngineException refused && !(cause instanceof AuthorizationException)
          && refused.getMessage() != null && refused.getMessage().contains(CAMUNDAS_REFUSAL)) {
        var forbidden = new AuthorizationException(REFUSED + refused.getMessage());
        forbidden.initCause(refused);
        throw forbidden;
      }
      throw cause;
    }
  }
}

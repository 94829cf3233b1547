package jp.climatepdca.engine;

import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ActivityTypes;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.bpmn.helper.BpmnProperties;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Every new process instance belongs to the Camunda tenant named by the first segment of its business key
 * ({@code <code>:<fiscalYear>[:part]}: a municipality's or an area's code, docs/tenants.md); its tasks,
 * jobs, variables, incidents and history inherit the tenant from it. A user is authenticated with the
 * tenants of their groups, so the engine's tenant check shows town A's staff nothing of town B's, in every
 * query of Tasklist, Cockpit and /engine-rest. An instance without such a key is refused (a
 * BadUserRequestException; Camunda's REST answers a refused start with 500 and the message), so nothing runs
 * outside a tenant, where every tenant's users would see it; only an instance that a timer start event starts
 * without a key belongs to no tenant ({@link #tenantOf}). A called instance
 * (self-assessment, report publication) gets its caller's tenant from the engine itself, which asks no
 * provider then: it cannot move into another tenant, whatever key a variable gave it.
 *
 * <p>The hook: Camunda hands a {@link TenantIdProvider} the process definition, the start variables and the
 * calling execution, but not the business key, although the engine has already set it on the new instance.
 * The variables are no answer (whoever starts an instance chooses them), so the instance itself is read: the
 * one new process instance of this definition (and caller) without a tenant in the command's entity cache,
 * where the engine put it when it created it (the engine asks for a called instance only if its caller has no
 * tenant: an instance started before this hook existed). That is the engine's implementation, not its API: the engine
 * must still install the provider ({@code postProcessEngineBuild}), and once the application is ready a probe
 * starts an instance without executing it (rolled back, nothing stays) and expects the tenant of its key. An
 * engine in which the provider is gone, or finds no instance, stops the start with {@link EngineHookMismatch};
 * if the look-up failed later all the same, the start of that instance fails, never one without a tenant. The
 * probe also starts a deployed process at its timer start event without a key and expects no tenant: the rule
 * reads the type the engine gives a timer start event, which a new engine could rename.
 *
 * <p>Decisions evaluated from a process get its tenant; a decision evaluated alone (only an administrator may)
 * has none. No case (CMMN) is deployed: a case called from a process gets its tenant, any other is refused.
 */
@Component
public class BusinessKeyTenants extends AbstractProcessEnginePlugin implements TenantIdProvider {

  private static final Logger LOG = LoggerFactory.getLogger(BusinessKeyTenants.class);
  /** Municipality and area codes share one namespace (docs/tenants.md). */
  static final Pattern CODE = Pattern.compile("[A-Za-z0-9-]{2,20}");
  /** The probe's key: its tenant need not exist, the instance never reaches the database. */
  static final String PROBE_KEY = "engine-hook-probe:0";
  static final String REFUSED = "業務キー（自治体または圏域のコード:年度）のないプロセスは開始できません: ";

  private volatile boolean installed;
  private volatile ProcessEngine engine;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setTenantIdProvider(this);
    installed = true;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    var configuration = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    if (!installed || configuration.getTenantIdProvider() != this) {
      throw new EngineHookMismatch(BusinessKeyTenants.class, "the engine's tenant id provider is "
          + (configuration.getTenantIdProvider() == null ? "none" : configuration.getTenantIdProvider().getClass().getName())
          + (installed ? ", not the one given to it in preInit" : " (the plugin's preInit was never called)")
          + ", so process instances would start without a tenant");
    }
    engine = processEngine;
  }

  /** The engine called this plugin, and a started instance gets the tenant of its key. */
  @EventListener(ApplicationReadyEvent.class)
  void verify() {
    if (engine == null) {
      throw new EngineHookMismatch(BusinessKeyTenants.class, "the engine never called the plugin around its build,"
          + " so process instances would start without a tenant");
    }
    probe(engine);
  }

  @Override
  public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext context) {
    var definition = context.getProcessDefinition();
    var caller = context.getSuperExecution();
    var instance = starting(definition.getId(), caller == null ? null : caller.getId());
    return tenantOf(instance.getBusinessKey(), definition.getKey(), startsAtATimer(instance));
  }

  /**
   * The instance starts at a timer start event: the engine sets the start activity on a new instance before
   * it asks for the tenant, and marks a timer start event with the type {@link ActivityTypes#START_EVENT_TIMER}.
   */
  private static boolean startsAtATimer(ExecutionEntity instance) {
    var activity = instance.getActivity();
    return activity != null && ActivityTypes.START_EVENT_TIMER.equals(activity.getProperties().get(BpmnProperties.TYPE));
  }

  @Override
  public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext context) {
    if (context.getSuperExecution() != null && context.getSuperExecution().getTenantId() != null) {
      return context.getSuperExecution().getTenantId();
    }
    throw new BadUserRequestException(REFUSED + context.getCaseDefinition().getKey());
  }

  @Override
  public String provideTenantIdForHistoricDecisionInstance(TenantIdProviderHistoricDecisionInstanceContext context) {
    return context.getExecution() == null ? null : context.getExecution().getTenantId();
  }

  /**
   * The first segment of the key, a code; anything else refuses the start. But an instance a timer start event
   * starts without a key belongs to no tenant: a process that serves every tenant from a timer (the daily
   * schedule of plan-period evaluations) has no municipality to name, and starts each municipality's own work
   * through its starter, which gives that work its key. Like the shared deployment, it is in no tenant; only
   * administrators (whose grants cover it) see it in Cockpit. A timer start event can be deployed by
   * administrators only, so no town can use the rule to run something outside its tenant.
   */
  static String tenantOf(String businessKey, String processKey, boolean startedByTimer) {
    if (businessKey == null && startedByTimer) {
      return null;
    }
    var tenant = businessKey == null ? "" : businessKey.split(":", -1)[0];
    if (businessKey == null || !businessKey.contains(":") || !CODE.matcher(tenant).matches()) {
      throw new BadUserRequestException(REFUSED + processKey + " (" + businessKey + ")");
    }
    return tenant;
  }

  /**
   * The instance the engine is starting: new in this command, a process instance of the definition, called
   * by {@code callerId} (null: none), no tenant yet. The engine starts one instance at a time, giving it its
   * tenant before it creates the next; so there is exactly one.
   */
  private static ExecutionEntity starting(String definitionId, String callerId) {
    var commandContext = Context.getCommandContext();
    if (commandContext == null) {
      throw new EngineHookMismatch(BusinessKeyTenants.class, "the engine asked for a tenant outside a command");
    }
    var entities = commandContext.getDbEntityManager();
    var found = entities.getCachedEntitiesByType(ExecutionEntity.class).stream()
        .filter(e -> e.isProcessInstanceExecution() && e.getTenantId() == null
            && definitionId.equals(e.getProcessDefinitionId()) && Objects.equals(callerId, e.getSuperExecutionId())
            && entities.getDbEntityCache().isTransient(e))
        .toList();
    if (found.size() != 1) {
      throw new EngineHookMismatch(BusinessKeyTenants.class, "asked for the tenant of a new instance of "
          + definitionId + ", it found " + found.size() + " new process instances of it without a tenant among the"
          + " command's entities, not one");
    }
    return found.get(0);
  }

  /**
   * Starts an instance of a deployed process with {@link #PROBE_KEY}, without executing it, inside a
   * command that is then rolled back, and expects the key's tenant on it; then the same without a key at the
   * timer start event of a deployed process that has one, and expects no tenant.
   */
  void probe(ProcessEngine processEngine) {
    var definitions = processEngine.getRepositoryService().createProcessDefinitionQuery().latestVersion()
        .withoutTenantId().listPage(0, 1);
    if (definitions.isEmpty()) {
      throw new EngineHookMismatch(BusinessKeyTenants.class, "there is no deployed process to probe the tenant of"
          + " a new instance with");
    }
    var definitionId = definitions.get(0).getId();
    var tenant = startedTenant(processEngine, definitionId, PROBE_KEY, null);
    var expected = PROBE_KEY.split(":")[0];
    if (!expected.equals(tenant)) {
      throw new EngineHookMismatch(BusinessKeyTenants.class, "an instance of " + definitionId + " with business key "
          + PROBE_KEY + " started with tenant " + tenant + ", not " + expected);
    }
    LOG.info("New process instances get the tenant of their business key (probed with {})", definitionId);
    probeTimerStart(processEngine);
  }

  /** A process the model says a timer starts, started there without a key, belongs to no tenant. */
  private void probeTimerStart(ProcessEngine processEngine) {
    var repository = processEngine.getRepositoryService();
    for (var definition : repository.createProcessDefinitionQuery().latestVersion().withoutTenantId().list()) {
      var timerStart = repository.getBpmnModelInstance(definition.getId()).getModelElementsByType(StartEvent.class)
          .stream().filter(e -> e.getParentElement() instanceof Process
              && e.getEventDefinitions().stream().anyMatch(TimerEventDefinition.class::isInstance))
          .findFirst();
      if (timerStart.isPresent()) {
        String tenant;
        try {
          tenant = startedTenant(processEngine, definition.getId(), null, timerStart.get().getId());
        } catch (BadUserRequestException refused) {
          throw new EngineHookMismatch(BusinessKeyTenants.class, "an instance of " + definition.getId()
              + " started without a key at its timer start event " + timerStart.get().getId()
              + " was refused (the engine no longer marks the event " + ActivityTypes.START_EVENT_TIMER
              + "?), so the timer would fail every time: " + refused.getMessage());
        }
        if (tenant != null) {
          throw new EngineHookMismatch(BusinessKeyTenants.class, "an instance of " + definition.getId()
              + " started without a key at its timer start event got tenant " + tenant + ", not none");
        }
        LOG.info("A process started by its timer without a key belongs to no tenant (probed with {})",
            definition.getId());
        return;
      }
    }
  }

  /** The tenant of a new instance (at {@code activityId}, or the initial one) in a command rolled back. */
  private static String startedTenant(ProcessEngine processEngine, String definitionId, String businessKey,
      String activityId) {
    var configuration = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    try {
      configuration.getCommandExecutorTxRequired().execute(commandContext -> {
        ProcessDefinitionEntity definition = configuration.getDeploymentCache()
            .findDeployedProcessDefinitionById(definitionId);
        var instance = activityId == null ? definition.createProcessInstance(businessKey)
            : definition.createProcessInstance(businessKey, definition.findActivity(activityId));
        instance.startWithoutExecuting(Map.of());
        throw new ProbeDone(instance.getTenantId());
      });
      throw new IllegalStateException("unreachable: the probe's command ends with ProbeDone");
    } catch (ProbeDone done) {
      return done.tenant;
    }
  }

  /** Ends the probe's command, so that its transaction is rolled back: the instance never reaches the database. */
  private static final class ProbeDone extends BadUserRequestException {
    final transient String tenant;

    ProbeDone(String tenant) {
      super("probe done");
      this.tenant = tenant;
    }
  }
}

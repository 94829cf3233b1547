package jp.climatepdca.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@link BusinessKeyTenants}: a new instance, and what it makes (called instances, tasks, jobs, variables,
 * history), belongs to the tenant of its business key's first segment; an instance without such a key is
 * refused and nothing is stored; a called instance stays in its caller's tenant; an engine without the
 * provider, or in which it no longer finds the instance it is asked about, stops the start.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BusinessKeyTenantsTest {

  private final BusinessKeyTenants hook = new BusinessKeyTenants();
  private ProcessEngine engine;

  @BeforeAll
  void engineWithTheHook() {
    engine = PlainEngine.build("tenants", "full", hook);
    engine.getRepositoryService().createDeployment()
        .addModelInstance("cycle.bpmn", Bpmn.createExecutableProcess("cycle").camundaHistoryTimeToLive(1)
            .startEvent().callActivity("Task_Call").calledElement("part")
            .camundaIn("fiscalYear", "fiscalYear")
            .camundaInBusinessKey("${partKey == null ? execution.processBusinessKey.concat(':env') : partKey}")
            .endEvent().done())
        .addModelInstance("part.bpmn", Bpmn.createExecutableProcess("part").camundaHistoryTimeToLive(1)
            .startEvent().userTask("Task_Enter").camundaAsyncBefore().camundaCandidateGroups("123456-env-staff")
            .endEvent().done())
        // a process that serves every tenant from a timer, as the daily schedule of plan-period evaluations
        .addModelInstance("daily.bpmn", Bpmn.createExecutableProcess("daily").camundaHistoryTimeToLive(1)
            .startEvent("Event_Daily").timerWithCycle("R/P1D").serviceTask("Task_Look").camundaExpression("${true}")
            .endEvent().done())
        .deploy();
  }

  @AfterAll
  void close() {
    engine.close();
  }

  @Test
  void everythingOfAnInstanceBelongsToTheTenantOfItsKey() {
    var runtime = engine.getRuntimeService();
    var cycle = runtime.startProcessInstanceByKey("cycle", "123456:2026",
        Variables.createVariables().putValue("fiscalYear", 2026).putValue("partKey", null));
    var part = runtime.createProcessInstanceQuery().superProcessInstanceId(cycle.getId()).singleResult();
    assertThat(cycle.getTenantId()).isEqualTo("123456");
    assertThat(part.getBusinessKey()).isEqualTo("123456:2026:env");
    assertThat(part.getTenantId()).isEqualTo("123456");

    var job = engine.getManagementService().createJobQuery().processInstanceId(part.getId()).singleResult();
    assertThat(job.getTenantId()).isEqualTo("123456");
    engine.getManagementService().executeJob(job.getId());
    var task = engine.getTaskService().createTaskQuery().processInstanceId(part.getId()).singleResult();
    assertThat(task.getTenantId()).isEqualTo("123456");
    assertThat(runtime.createVariableInstanceQuery().processInstanceIdIn(cycle.getId(), part.getId()).list())
        .isNotEmpty().allSatisfy(v -> assertThat(v.getTenantId()).isEqualTo("123456"));

    var history = engine.getHistoryService();
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceIds(
        java.util.Set.of(cycle.getId(), part.getId())).list())
        .hasSize(2).allSatisfy(h -> assertThat(h.getTenantId()).isEqualTo("123456"));
    assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(part.getId()).singleResult().getTenantId())
        .isEqualTo("123456");
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(cycle.getId()).list())
        .isNotEmpty().allSatisfy(v -> assertThat(v.getTenantId()).isEqualTo("123456"));
    assertThat(engine.getTaskService().createTaskQuery().tenantIdIn("654321").count()).isZero();
  }

  @Test
  void anInstanceWithoutACodeInItsKeyIsRefusedAndNothingIsStored() {
    var runtime = engine.getRuntimeService();
    var before = runtime.createProcessInstanceQuery().count();
    for (var key : new String[] {null, "", "123456", ":2026", "x:2026", "12/34:2026", "a123456789012345678901:2026"}) {
      assertThatThrownBy(() -> runtime.startProcessInstanceByKey("part", key))
          .as(key).isInstanceOf(BadUserRequestException.class)
          .hasMessageStartingWith(BusinessKeyTenants.REFUSED + "part (" + key + ")");
    }
    assertThatThrownBy(() -> runtime.createProcessInstanceByKey("part").startBeforeActivity("Task_Enter").execute())
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining(BusinessKeyTenants.REFUSED);
    assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(before);
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey("123456")
        .count()).isZero();
  }

  /**
   * The general rule, not a list of process keys: an instance a timer start event starts without a key
   * belongs to no tenant (the daily schedule of plan-period evaluations is one); any other start needs a key
   * naming a code, and a key that names none is refused even at a timer.
   */
  @Test
  void anInstanceStartedByItsTimerWithoutAKeyBelongsToNoTenant() {
    assertThat(BusinessKeyTenants.tenantOf(null, "plan-period-evaluation-schedule", true)).isNull();
    assertThat(BusinessKeyTenants.tenantOf(null, "any-other-schedule", true)).isNull();
    assertThatThrownBy(() -> BusinessKeyTenants.tenantOf(null, "plan-period-evaluation-schedule", false))
        .isInstanceOf(BadUserRequestException.class);
    assertThatThrownBy(() -> BusinessKeyTenants.tenantOf("x", "plan-period-evaluation-schedule", true))
        .isInstanceOf(BadUserRequestException.class);

    var management = engine.getManagementService();
    var timer = management.createJobQuery().processDefinitionKey("daily").timers().singleResult();
    assertThat(timer.getTenantId()).isNull();
    management.executeJob(timer.getId());
    var started = engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("daily")
        .singleResult();
    assertThat(started.getBusinessKey()).isNull();
    assertThat(started.getTenantId()).isNull();
    assertThat(started.getEndTime()).as("ran through").isNotNull();
  }

  /** As if the engine no longer marked a timer start event as such: the timer would be refused, so the start stops. */
  @Test
  void aTimerStartEventTheEngineNoLongerMarksStopsTheStart() {
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    var definition = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("daily")
        .singleResult();
    var start = configuration.getCommandExecutorTxRequired().execute(context -> configuration.getDeploymentCache()
        .findDeployedProcessDefinitionById(definition.getId()).findActivity("Event_Daily"));
    var type = start.getProperties().get(org.camunda.bpm.engine.impl.bpmn.helper.BpmnProperties.TYPE);
    start.getProperties().set(org.camunda.bpm.engine.impl.bpmn.helper.BpmnProperties.TYPE, "startEvent");
    try {
      assertThatThrownBy(() -> hook.probe(engine)).isInstanceOf(EngineHookMismatch.class)
          .hasMessageContaining("started without a key at its timer start event Event_Daily was refused");
    } finally {
      start.getProperties().set(org.camunda.bpm.engine.impl.bpmn.helper.BpmnProperties.TYPE, type);
    }
    hook.probe(engine);
  }

  /** An area's code may carry hyphens: tenant "demo-area". */
  @Test
  void aCodeWithHyphensIsATenant() {
    var instance = engine.getRuntimeService().createProcessInstanceByKey("part").businessKey("demo-area:2026:1")
        .execute();
    assertThat(instance.getTenantId()).isEqualTo("demo-area");
  }

  /** A called instance stays in its caller's tenant (the engine's own rule), whatever a variable names as its key. */
  @Test
  void aCalledInstanceStaysInItsCallersTenant() {
    var runtime = engine.getRuntimeService();
    var cycle = runtime.startProcessInstanceByKey("cycle", "123456:2027",
        Map.of("fiscalYear", 2027, "partKey", "654321:2027:env"));
    var part = runtime.createProcessInstanceQuery().superProcessInstanceId(cycle.getId()).singleResult();
    assertThat(part.getBusinessKey()).isEqualTo("654321:2027:env");
    assertThat(part.getTenantId()).isEqualTo("123456");
  }

  @Test
  void theProbeFindsTheTenantOfItsKey() {
    hook.probe(engine);
    hook.verify();
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(
        BusinessKeyTenants.PROBE_KEY).count()).as("rolled back").isZero();
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(
        BusinessKeyTenants.PROBE_KEY).count()).isZero();
  }

  /** As if the engine no longer kept a new instance in its command's entities when it asks for its tenant. */
  @Test
  void aProviderThatFindsNoNewInstanceStopsTheStart() {
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    var definition = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("part")
        .singleResult();
    assertThatThrownBy(() -> configuration.getCommandExecutorTxRequired().execute(context -> hook
        .provideTenantIdForProcessInstance(new TenantIdProviderProcessInstanceContext(definition,
            Variables.createVariables()))))
        .isInstanceOf(EngineHookMismatch.class)
        .hasMessageStartingWith("BusinessKeyTenants no longer matches the process engine")
        .hasMessageContaining("it found 0 new process instances of it without a tenant");
  }

  @Test
  void anotherTenantIdProviderInTheEngineStopsTheStart() {
    var replaced = new BusinessKeyTenants();
    assertThatThrownBy(() -> PlainEngine.build("tenantsReplaced", replaced, new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setTenantIdProvider(null);
      }
    })).isInstanceOf(EngineHookMismatch.class)
        .hasMessageContaining("the engine's tenant id provider is none, not the one given to it in preInit");
    assertThatThrownBy(new BusinessKeyTenants()::verify).isInstanceOf(EngineHookMismatch.class)
        .hasMessageContaining("never called the plugin around its build");
  }
}

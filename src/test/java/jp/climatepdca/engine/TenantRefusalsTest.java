package jp.climatepdca.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;

/**
 * {@link TenantRefusals}: acting by id on another tenant's task is refused with an AuthorizationException (a
 * 403 through Camunda's REST) instead of Camunda's plain ProcessEngineException (a 500); the tenant's own
 * user passes; an engine without Camunda's tenant checker stops the start.
 */
class TenantRefusalsTest {

  @Test
  void anotherTenantsTaskIsRefusedWith403AndTheOwnTenantPasses() {
    var hook = new TenantRefusals();
    var engine = PlainEngine.build("tenantRefusals", new BusinessKeyTenants(), hook);
    try {
      engine.getRepositoryService().createDeployment().addModelInstance("p.bpmn", Bpmn.createExecutableProcess("p")
          .camundaHistoryTimeToLive(1).startEvent().userTask("Task_Enter").endEvent().done()).deploy();
      engine.getRuntimeService().startProcessInstanceByKey("p", "123456:2026");
      var task = engine.getTaskService().createTaskQuery().singleResult().getId();
      var identity = engine.getIdentityService();

      identity.setAuthentication("other-town", List.of(), List.of("654321"));
      try {
        assertThatThrownBy(() -> engine.getTaskService().getVariables(task))
            .isInstanceOf(AuthorizationException.class)
            .hasMessageStartingWith(TenantRefusals.REFUSED).hasMessageContaining("no authenticated tenant");
        assertThatThrownBy(() -> engine.getTaskService().claim(task, "other-town"))
            .isInstanceOf(AuthorizationException.class);
        assertThat(engine.getTaskService().createTaskQuery().count()).isZero();
      } finally {
        identity.clearAuthentication();
      }
      assertThat(engine.getTaskService().createTaskQuery().singleResult().getAssignee()).isNull();

      identity.setAuthentication("own-town", List.of(), List.of("123456"));
      try {
        engine.getTaskService().claim(task, "own-town");
      } finally {
        identity.clearAuthentication();
      }
      assertThat(engine.getTaskService().createTaskQuery().singleResult().getAssignee()).isEqualTo("own-town");
      hook.verify();
    } finally {
      engine.close();
    }
  }

  @Test
  void anEngineWithoutCamundasTenantCheckerStopsTheStart() {
    assertThatThrownBy(() -> PlainEngine.build("tenantRefusalsGone", new AbstractProcessEnginePlugin() {
      @Override
      public void postInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setCommandCheckers(new java.util.ArrayList<>(configuration.getCommandCheckers().stream()
            .filter(c -> !(c instanceof org.camunda.bpm.engine.impl.cfg.multitenancy.TenantCommandChecker)).toList()));
      }
    }, new TenantRefusals())).isInstanceOf(EngineHookMismatch.class)
        .hasMessageStartingWith("TenantRefusals no longer matches the process engine")
        .hasMessageContaining("not a list holding one org.camunda.bpm.engine.impl.cfg.multitenancy.TenantCommandChecker");
    assertThatThrownBy(new TenantRefusals()::verify).isInstanceOf(EngineHookMismatch.class)
        .hasMessageContaining("never called the plugin's postInit");
  }

  /** As if Camunda's refusal read otherwise: the probe no longer sees a 403 and stops the start. */
  @Test
  void aRefusalInAnotherWordingStopsTheStart() {
    var engine = PlainEngine.build("tenantRefusalsWording", new TenantRefusals(), new AbstractProcessEnginePlugin() {
      @Override
      public void postInit(ProcessEngineConfigurationImpl configuration) {
        // an engine whose tenant check refuses in words the wrapper does not know
        var checkers = new java.util.ArrayList<>(configuration.getCommandCheckers());
        checkers.add(0, (org.camunda.bpm.engine.impl.cfg.CommandChecker) java.lang.reflect.Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] {org.camunda.bpm.engine.impl.cfg.CommandChecker.class},
            (proxy, method, args) -> {
              throw new org.camunda.bpm.engine.ProcessEngineException("Tenant check failed");
            }));
        configuration.setCommandCheckers(checkers);
      }
    });
    try {
      assertThatThrownBy(() -> TenantRefusals.probe((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()))
          .isInstanceOf(EngineHookMismatch.class).hasMessageContaining("Tenant check failed, not a 403");
    } finally {
      engine.close();
    }
  }
}

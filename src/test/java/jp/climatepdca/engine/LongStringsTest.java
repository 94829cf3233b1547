package jp.climatepdca.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;

/**
 * {@link LongStrings}: a String variable longer than Camunda's VARCHAR(4000) column fails in the database
 * without the hook, and with it is kept whole (runtime, the variable's history, the history's details), read
 * back as a String, changed to a short one and back; a submitted form's long text is kept whole and its
 * form-field history cut to the column; an engine in which another serializer takes long Strings first,
 * another history event handler took the place of ours, or that never called the plugin, stops the start.
 */
class LongStringsTest {

  private static final String MINUTES = "議事録の本文。".repeat(1200);

  @Test
  void withoutTheHookALongStringFailsInTheDatabase() {
    var engine = PlainEngine.build("longStringsWithout", "full");
    try {
      var instance = start(engine);
      assertThatThrownBy(() -> engine.getRuntimeService().setVariable(instance, "minutes", MINUTES))
          .hasMessageContaining("Variable value is too long");
    } finally {
      engine.close();
    }
  }

  @Test
  void aLongStringIsKeptWholeReadAsAStringAndMayBecomeShortAgain() {
    var engine = PlainEngine.build("longStrings", "full", new LongStrings());
    try {
      var runtime = engine.getRuntimeService();
      var instance = start(engine);
      runtime.setVariable(instance, "minutes", Variables.stringValue(MINUTES));
      runtime.setVariable(instance, "untyped", MINUTES);

      assertThat(MINUTES).hasSizeGreaterThan(LongStrings.COLUMN);
      assertThat(runtime.getVariable(instance, "minutes")).isEqualTo(MINUTES);
      assertThat(runtime.getVariableTyped(instance, "untyped").getType()).isEqualTo(ValueType.STRING);
      var stored = runtime.createVariableInstanceQuery().processInstanceIdIn(instance).variableName("minutes")
          .singleResult();
      assertThat(stored.getTypeName()).isEqualTo("string");
      assertThat(stored.getValue()).isEqualTo(MINUTES);
      var history = engine.getHistoryService();
      assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance).variableName("minutes")
          .singleResult().getValue()).isEqualTo(MINUTES);
      assertThat(history.createHistoricDetailQuery().processInstanceId(instance).variableUpdates().list())
          .anySatisfy(d -> assertThat(((org.camunda.bpm.engine.history.HistoricVariableUpdate) d).getValue())
              .isEqualTo(MINUTES));

      runtime.setVariable(instance, "minutes", "短い議事録");
      assertThat(runtime.getVariable(instance, "minutes")).isEqualTo("短い議事録");
      runtime.setVariable(instance, "minutes", MINUTES + "追記");
      assertThat(runtime.getVariable(instance, "minutes")).isEqualTo(MINUTES + "追記");
      runtime.setVariable(instance, "limit", "x".repeat(LongStrings.COLUMN));
      assertThat(runtime.getVariable(instance, "limit")).isEqualTo("x".repeat(LongStrings.COLUMN));
    } finally {
      engine.close();
    }
  }

  /**
   * A form submitted with a long text (what Tasklist's submit-form does): the variable keeps it whole, the
   * history of form fields, a VARCHAR(4000) column without serializers, keeps its first 4,000 characters.
   */
  @Test
  void aSubmittedFormKeepsTheLongTextWholeAndItsFormFieldHistoryCut() {
    var without = PlainEngine.build("longFormWithout", "full");
    try {
      start(without);
      var task = without.getTaskService().createTaskQuery().singleResult().getId();
      assertThatThrownBy(() -> without.getFormService().submitTaskForm(task, Map.of("minutes", MINUTES)))
          .hasMessageContaining("persistence");
    } finally {
      without.close();
    }
    var engine = PlainEngine.build("longForm", "full", new LongStrings());
    try {
      var instance = start(engine);
      var task = engine.getTaskService().createTaskQuery().singleResult().getId();
      engine.getFormService().submitTaskForm(task, Map.of("minutes", MINUTES));

      var history = engine.getHistoryService();
      assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance).variableName("minutes")
          .singleResult().getValue()).isEqualTo(MINUTES);
      var field = (org.camunda.bpm.engine.history.HistoricFormField) history.createHistoricDetailQuery()
          .processInstanceId(instance).formFields().singleResult();
      assertThat((String) field.getFieldValue()).hasSize(LongStrings.COLUMN).endsWith("…")
          .startsWith(MINUTES.substring(0, 100));
    } finally {
      engine.close();
    }
  }

  @Test
  void anotherHistoryEventHandlerPutInItsPlaceStopsTheStart() {
    assertThatThrownBy(() -> PlainEngine.build("longFormReplaced", "full", new LongStrings(),
        new AbstractProcessEnginePlugin() {
          @Override
          public void postInit(ProcessEngineConfigurationImpl configuration) {
            configuration.setHistoryEventHandler(
                new org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler());
          }
        })).isInstanceOf(EngineHookMismatch.class)
        .hasMessageContaining("not the one given to it in postInit");
  }

  @Test
  void anotherSerializerTakingLongStringsFirstStopsTheStart() {
    var hook = new LongStrings();
    assertThatThrownBy(() -> PlainEngine.build("longStringsReplaced", hook, new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        // a plugin after ours that puts its own serializers in place of the list
        configuration.setCustomPreVariableSerializers(new ArrayList<>());
      }
    })).isInstanceOf(EngineHookMismatch.class)
        .hasMessageStartingWith("LongStrings no longer matches the process engine")
        .hasMessageContaining("a String of 4001 characters is written by string");
  }

  @Test
  void anEngineThatNeverCalledPreInitStopsTheStart() {
    var hook = new LongStrings();
    var engine = PlainEngine.build("longStringsUncalled");
    try {
      assertThatThrownBy(() -> hook.postProcessEngineBuild(engine)).isInstanceOf(EngineHookMismatch.class)
          .hasMessageContaining("preInit was never called");
    } finally {
      engine.close();
    }
  }

  private static String start(ProcessEngine engine) {
    engine.getRepositoryService().createDeployment().addModelInstance("probe.bpmn",
        Bpmn.createExecutableProcess("probe").camundaHistoryTimeToLive(1).startEvent().userTask("Task_Wait")
            .endEvent().done()).deploy();
    return engine.getRuntimeService().startProcessInstanceByKey("probe", Map.of()).getId();
  }
}

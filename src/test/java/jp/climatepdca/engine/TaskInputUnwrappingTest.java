package jp.climatepdca.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import jp.climatepdca.system.TaskInputException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.junit.jupiter.api.Test;

/**
 * {@link TaskInputUnwrapping}: a person's refused form leaves the engine as the one exception Camunda's REST
 * layer answers with 400 on submit-form and complete, from the first interceptor of both command chains; an
 * engine where another interceptor comes first stops the start. (That the REST layer still answers it with
 * 400 and the message: RefusedFormMessageTest.)
 */
class TaskInputUnwrappingTest {

  @Test
  void aRefusedFormWrappedByTheEngineLeavesItAsAFormValidationFailureWithTheSameMessage() {
    var plugin = new TaskInputUnwrapping();
    var engine = PlainEngine.build("unwrap", plugin);
    try {
      var refused = new TaskInputException(List.of("実績値: 数値で入力してください"));
      var executor = ((org.camunda.bpm.engine.impl.ProcessEngineImpl) engine).getProcessEngineConfiguration()
          .getCommandExecutorTxRequired();
      assertThatThrownBy(() -> executor.execute(context -> {
        // as the engine wraps what a task listener throws
        throw new ProcessEngineException("listener failed", new ProcessEngineException(refused));
      })).isInstanceOf(FormFieldValidationException.class).hasMessage(refused.getMessage()).hasCause(refused);
      plugin.verifyCalled();
    } finally {
      engine.close();
    }
  }

  @Test
  void anInterceptorBeforeItStopsTheStart() {
    var plugin = new TaskInputUnwrapping();
    assertThatThrownBy(() -> PlainEngine.build("unwrapSecond", plugin, new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        // another plugin that puts its interceptor in front of ours
        var interceptors = new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
        interceptors.add(0, new CommandInterceptor() {
          @Override
          public <T> T execute(org.camunda.bpm.engine.impl.interceptor.Command<T> command) {
            return next.execute(command);
          }
        });
        configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
      }
    })).isInstanceOf(EngineHookMismatch.class)
        .hasMessageStartingWith("TaskInputUnwrapping no longer matches the process engine")
        .hasMessageContaining("not the first of the command chain that requires a transaction");
    assertThatThrownBy(plugin::verifyCalled).isInstanceOf(EngineHookMismatch.class);
  }

  @Test
  void anEngineThatNeverCalledThePluginStopsTheStart() {
    assertThatThrownBy(new TaskInputUnwrapping()::verifyCalled).isInstanceOf(EngineHookMismatch.class)
        .hasMessageContaining("never called the plugin");
    assertThatThrownBy(() -> new TaskInputUnwrapping().postProcessEngineBuild(null))
        .isInstanceOf(EngineHookMismatch.class).hasMessageContaining("without calling the plugin's preInit");
  }
}

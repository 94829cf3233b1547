package jp.climatepdca.engine;

import java.util.ArrayList;
import java.util.List;
import jp.climatepdca.system.TaskInputException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A person's invalid form answered with 400 and its message, not 500.
 *
 * <p>The engine wraps whatever a task listener throws in a plain ProcessEngineException (twice), and
 * Camunda's REST resource for submit-form and complete answers 400 for one exception only, its internal
 * {@link FormFieldValidationException}; anything else, a {@link TaskInputException} included, is a 500. So
 * this outermost command interceptor lets the transaction roll back as before, finds the
 * TaskInputException among the causes and throws it on as a {@link RefusedForm} (a FormFieldValidationException
 * with the same message, the TaskInputException as its cause), and logs it as one INFO line (see
 * RefusedInputLogging in system). The listeners throw TaskInputException, a public BadUserRequestException,
 * and know nothing of this.
 *
 * <p>The hook: the interceptor must be the first of both of the engine's command chains (required and
 * requires-new transactions), or a refused form wrapped by an outer interceptor would be a 500 again;
 * checked once the engine is built ({@link EngineHookMismatch}). That the REST layer still answers
 * FormFieldValidationException with 400 and its message is checked by RefusedFormMessageTest, through
 * both doors.
 */
@Component
class TaskInputUnwrapping extends AbstractProcessEnginePlugin {

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TaskInputUnwrapping.class);

  /** One per chain: the engine links each interceptor to the next of its chain (a shared one would jump chains). */
  private final Unwrap unwrapRequired = new Unwrap();
  private final Unwrap unwrapRequiresNew = new Unwrap();
  private ProcessEngineConfigurationImpl configuration;
  private volatile boolean verified;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    this.configuration = configuration;
    configuration.setCustomPreCommandInterceptorsTxRequired(
        with(unwrapRequired, configuration.getCustomPreCommandInterceptorsTxRequired()));
    configuration.setCustomPreCommandInterceptorsTxRequiresNew(
        with(unwrapRequiresNew, configuration.getCustomPreCommandInterceptorsTxRequiresNew()));
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    if (configuration == null) {
      throw new EngineHookMismatch(TaskInputUnwrapping.class, "the engine was built without calling the plugin's"
          + " preInit, so the interceptor is not installed");
    }
    verifyFirst(unwrapRequired, "requires a transaction", configuration.getCommandExecutorTxRequired(),
        configuration.getCommandInterceptorsTxRequired());
    verifyFirst(unwrapRequiresNew, "requires a new transaction", configuration.getCommandExecutorTxRequiresNew(),
        configuration.getCommandInterceptorsTxRequiresNew());
    verified = true;
  }

  /** The engine called this plugin: an interceptor never installed unwraps nothing. */
  @EventListener(ApplicationReadyEvent.class)
  void verifyCalled() {
    if (!verified) {
      throw new EngineHookMismatch(TaskInputUnwrapping.class, "the engine never called the plugin around its build");
    }
  }

  /**
   * The engine's services hand every command to the first interceptor of the chain (the executor), and it
   * must be this one, linked on to the next of the same chain.
   */
  static void verifyFirst(Unwrap unwrap, String chainName, CommandExecutor executor, List<CommandInterceptor> chain) {
    var order = chain == null ? "none" : chain.stream().map(interceptor -> interceptor.getClass().getSimpleName()).toList();
    if (chain == null || chain.size() < 2 || executor != unwrap) {
      throw new EngineHookMismatch(TaskInputUnwrapping.class, "the interceptor is not the first of the command chain"
          + " that " + chainName + " (in order: " + order + ")");
    }
    if (unwrap.getNext() != chain.get(1)) {
      throw new EngineHookMismatch(TaskInputUnwrapping.class, "the interceptor first in the command chain that "
          + chainName + " hands its commands to " + unwrap.getNext().getClass().getSimpleName() + ", not to the next"
          + " of its chain (in order: " + order + ")");
    }
  }

  private static List<CommandInterceptor> with(Unwrap unwrap, List<CommandInterceptor> existing) {
    var interceptors = new ArrayList<CommandInterceptor>();
    interceptors.add(unwrap);
    if (existing != null) {
      interceptors.addAll(existing);
    }
    return interceptors;
  }

  static final class Unwrap extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
      try {
        return next.execute(command);
      } catch (RuntimeException e) {
        var input = inputErrorIn(e);
        if (input == null) {
          throw e;
        }
        LOG.info("form input refused ({}): {}", command.getClass().getSimpleName(), input.getMessage());
        throw new RefusedForm(input);
      }
    }
  }

  /** What Camunda's REST layer answers with 400 and this message; the person's own reason is its cause. */
  static final class RefusedForm extends FormFieldValidationException {

    RefusedForm(TaskInputException input) {
      super("form", input.getMessage(), input);
    }
  }

  /** The input error somewhere in the exception's causes, or null. */
  private static TaskInputException inputErrorIn(Throwable thrown) {
    for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
      if (cause instanceof TaskInputException input) {
        return input;
      }
    }
    return null;
  }
}

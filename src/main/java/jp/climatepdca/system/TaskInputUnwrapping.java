package jp.climatepdca.system;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * The engine wraps whatever a task listener throws in a plain ProcessEngineException (twice), so the
 * REST layer would answer a person's invalid form with a 500. This outermost command interceptor lets
 * the transaction roll back as before and rethrows the {@link TaskInputException} itself, which
 * /engine-rest and Tasklist answer with 400 and the message, and logs it as one INFO line (see
 * {@link RefusedInputLogging}).
 */
@Component
class TaskInputUnwrapping extends AbstractProcessEnginePlugin {

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TaskInputUnwrapping.class);

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setCustomPreCommandInterceptorsTxRequired(with(configuration.getCustomPreCommandInterceptorsTxRequired()));
    configuration.setCustomPreCommandInterceptorsTxRequiresNew(
        with(configuration.getCustomPreCommandInterceptorsTxRequiresNew()));
  }

  private static java.util.List<CommandInterceptor> with(java.util.List<CommandInterceptor> existing) {
    var interceptors = new ArrayList<CommandInterceptor>();
    interceptors.add(new Unwrap());
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
        throw input;
      }
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

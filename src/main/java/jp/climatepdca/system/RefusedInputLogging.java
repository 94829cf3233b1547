package jp.climatepdca.system;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A form that does not hold up is the person's mistake, not the server's: Camunda logs every exception
 * leaving a command as ERROR ENGINE-16004 with its stack trace, and an input error thrown by a task
 * listener reaches it wrapped (so not among the few Camunda itself logs at DEBUG). This filter, on the
 * appenders Spring Boot configured, drops those ERRORs when the cause is a {@link TaskInputException};
 * {@link TaskInputUnwrapping} logs one INFO line with the message instead. Every other engine error is
 * logged as before. An appender filter, not a turbo filter: it sees only the events that are written,
 * while a turbo filter would be asked at every disabled debug call of the engine and Hibernate.
 */
@Component
class RefusedInputLogging {

  static final String ENGINE_CONTEXT_LOGGER = "org.camunda.bpm.engine.context";

  RefusedInputLogging() {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback) {
      logback.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).iteratorForAppenders().forEachRemaining(appender -> {
        if (appender.getCopyOfAttachedFiltersList().stream().noneMatch(DropRefusedInput.class::isInstance)) {
          appender.addFilter(new DropRefusedInput());
        }
      });
    }
  }

  static final class DropRefusedInput extends Filter<ILoggingEvent> {

    @Override
    public FilterReply decide(ILoggingEvent event) {
      if (event.getLevel() != Level.ERROR || !ENGINE_CONTEXT_LOGGER.equals(event.getLoggerName())) {
        return FilterReply.NEUTRAL;
      }
      for (var cause = event.getThrowableProxy(); cause != null; cause = cause.getCause()) {
        if (TaskInputException.class.getName().equals(cause.getClassName())) {
          return FilterReply.DENY;
        }
      }
      return FilterReply.NEUTRAL;
    }
  }
}

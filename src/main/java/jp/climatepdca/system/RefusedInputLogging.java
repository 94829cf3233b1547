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
 * the engine package's TaskInputUnwrapping logs one INFO line with the message instead; and those for a task id that
 * does not exist (a client's mistake answered 404). Every other engine error is logged as before. An appender filter, not a turbo filter: it sees only the events that are written,
 * while a turbo filter would be asked at every disabled debug call of the engine and Hibernate.
 */
@Component
class RefusedInputLogging {

  static final String ENGINE_CONTEXT_LOGGER = "org.camunda.bpm.engine.context";
  /** Camunda's REST layer logs each 500 it answers as WARN with the stack trace. */
  static final String REST_EXCEPTION_LOGGER = "org.camunda.bpm.engine.rest.exception";

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
      if (event.getLevel() == Level.ERROR && ENGINE_CONTEXT_LOGGER.equals(event.getLoggerName())) {
        for (var cause = event.getThrowableProxy(); cause != null; cause = cause.getCause()) {
          if (TaskInputException.class.getName().equals(cause.getClassName()) || unknownTask(cause)) {
            return FilterReply.DENY;
          }
        }
      }
      // its stack trace is part of the message text (logged through java.util.logging)
      if (event.getLevel() == Level.WARN && REST_EXCEPTION_LOGGER.equals(event.getLoggerName())
          && event.getFormattedMessage() != null && event.getFormattedMessage().startsWith("ENGINE-REST-HTTP500")
          && event.getFormattedMessage().contains(": Cannot find task with id ")) {
        return FilterReply.DENY;
      }
      return FilterReply.NEUTRAL;
    }

    /**
     * A task id that never existed, sent to /engine-rest (answered 404 by {@link TaskCompletionErrors}): the
     * client's mistake, not the server's. Only this exact message; every other null value is logged.
     */
    private static boolean unknownTask(ch.qos.logback.classic.spi.IThrowableProxy cause) {
      return "org.camunda.bpm.engine.exception.NullValueException".equals(cause.getClassName())
          && cause.getMessage() != null && cause.getMessage().startsWith("Cannot find task with id ");
    }
  }
}

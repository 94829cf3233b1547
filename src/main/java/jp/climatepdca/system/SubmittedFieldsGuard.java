package jp.climatepdca.system;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.PatchTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.RemoveTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * A completed task may set only the fields of its own form. Every form field is declared task-local when
 * the task is created (see TaskVariables); any other name would land in the process instance, where the
 * routing flags and references live (a hand-made request could set {@code departmentCode} or
 * {@code headApproved}). So a submission naming anything else is refused with 400 before the command
 * runs (in its transaction, which then rolls back with nothing written), whichever door it came through
 * (/engine-rest, Tasklist's own API, Java); so is setting or removing such a variable through the task's
 * variable endpoints (403; task-local ones stay allowed).
 *
 * <p>Camunda's commands keep the task id and the variables in protected fields without getters; they
 * are read reflectively here, and the catalogue test fails if a Camunda upgrade renames them.
 */
@Component
class SubmittedFieldsGuard extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    // after the command context is opened, inside the command's transaction: the task and its variables
    // read for the check are then the ones the command itself uses (one transaction and one read, not two)
    var guard = new Guard(configuration);
    configuration.setCustomPostCommandInterceptorsTxRequired(with(guard,
        configuration.getCustomPostCommandInterceptorsTxRequired()));
  }

  private static List<CommandInterceptor> with(CommandInterceptor guard, List<CommandInterceptor> existing) {
    var interceptors = new ArrayList<CommandInterceptor>();
    if (existing != null) {
      interceptors.addAll(existing);
    }
    interceptors.add(guard);
    return interceptors;
  }

  static final class Guard extends CommandInterceptor {

    private final ProcessEngineConfigurationImpl configuration;

    Guard(ProcessEngineConfigurationImpl configuration) {
      this.configuration = configuration;
    }

    @Override
    public <T> T execute(Command<T> command) {
      if (command instanceof SubmitTaskFormCmd || command instanceof CompleteTaskCmd) {
        check((String) read(command, "taskId"),
            names(read(command, command instanceof SubmitTaskFormCmd ? "properties" : "variables")), false);
      } else if (command instanceof SetTaskVariablesCmd || command instanceof RemoveTaskVariablesCmd
          || command instanceof PatchTaskVariablesCmd) {
        // setting a variable through a task, not task-local, would write to the process instance
        if (!(Boolean) read(command, "isLocal")) {
          var names = new ArrayList<Object>();
          names.addAll(names(read(command, command instanceof RemoveTaskVariablesCmd ? "variableNames" : "variables")));
          if (command instanceof PatchTaskVariablesCmd) {
            names.addAll(names(read(command, "deletions")));
          }
          check((String) read(command, "entityId"), names, true);
        }
      }
      return next.execute(command);
    }

    private static java.util.Collection<?> names(Object variables) {
      if (variables instanceof Map<?, ?> map) {
        return map.keySet();
      }
      return variables instanceof java.util.Collection<?> names ? names : List.of();
    }

    /**
     * A submission with a stray field is bad input (400); the variable endpoints answer any engine error
     * with 500 except a refused permission, and changing the process through a task is one (403).
     */
    private void check(String taskId, java.util.Collection<?> submitted, boolean change) {
      if (taskId == null || submitted.isEmpty()) {
        return;
      }
      // The task and its variables as the command itself will use them (same command context, read once).
      // A missing task is the command's to report.
      var task = Context.getCommandContext().getTaskManager().findTaskById(taskId);
      if (task == null) {
        return;
      }
      var fields = task.getVariableNamesLocal();
      var unknown = new TreeSet<String>();
      submitted.forEach(name -> {
        if (!fields.contains(String.valueOf(name))) {
          unknown.add(String.valueOf(name));
        }
      });
      if (unknown.isEmpty()) {
        return; // the command checks the caller's rights itself
      }
      // The caller's rights first: whoever may not read the task gets Camunda's 403, not a word about its
      // fields. Asked here only: asked of every submission, it was 2 % of the large city's year on H2.
      configuration.getTaskService().getVariablesLocalTyped(taskId, false);
      var errors = unknown.stream().map(name -> "\"" + name + "\" はこのフォームの項目ではないため、送信も変更もできません")
          .toList();
      throw change ? new AuthorizationException(String.join(" / ", errors)) : new TaskInputException(errors);
    }

    private static Object read(Object command, String name) {
      for (Class<?> type = command.getClass(); type != Object.class; type = type.getSuperclass()) {
        try {
          Field field = type.getDeclaredField(name);
          field.setAccessible(true);
          return field.get(command);
        } catch (NoSuchFieldException e) {
          // declared further up
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
      throw new IllegalStateException("Camunda's " + command.getClass().getSimpleName() + " has no field " + name);
    }
  }
}

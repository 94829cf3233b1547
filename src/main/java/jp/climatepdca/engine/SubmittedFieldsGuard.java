package jp.climatepdca.engine;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import jp.climatepdca.system.TaskInputException;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractCorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractModificationCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractProcessInstanceModificationCommand;
import org.camunda.bpm.engine.impl.cmd.AbstractRemoveVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRestartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetVariableCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteHistoricVariableInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteHistoricVariableInstancesByProcessInstanceIdCmd;
import org.camunda.bpm.engine.impl.cmd.EvaluateStartConditionCmd;
import org.camunda.bpm.engine.impl.cmd.HandleExternalTaskCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.MessageEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceAsyncCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.PatchTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.RemoveTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SignalCmd;
import org.camunda.bpm.engine.impl.cmd.SignalEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.batch.CorrelateAllMessageBatchCmd;
import org.camunda.bpm.engine.impl.cmd.batch.variables.SetVariablesToProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.cmmn.cmd.CaseExecutionVariableCmd;
import org.camunda.bpm.engine.impl.cmmn.cmd.CreateCaseInstanceCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContextInterceptor;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.migration.AbstractMigrationCmd;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Who may write process data through the engine's API, whichever door the call came through
 * (/engine-rest, Tasklist's own API, Java); docs/security.md states the rule.
 *
 * <ul>
 *   <li>Nobody but an administrator writes variables, or moves a process by any other way than completing
 *       a task: setting, changing or removing task, task-local, execution or process-instance variables
 *       (their binary {@code data} too), process-instance modification, restart and migration, starting
 *       a process, correlating a message, a signal, a BPMN error or escalation thrown from a task, and
 *       the like are refused with 403 ({@link #REFUSED}). Every form submits through its task:
 *       Tasklist's Camunda Forms call {@code submit-form} and nothing else.</li>
 *   <li>{@code complete} with variables is honoured exactly like {@code submit-form}: the same command runs
 *       ({@link #asSubmission}), so the fields land where submit-form puts them (the task-local fields
 *       declared when the task was created, see TaskVariables) and meet the same checks.</li>
 *   <li>A submission may name only its own form's fields: any other name would land in the process
 *       instance, where the routing flags and references live (a hand-made request could set
 *       {@code departmentCode} or {@code headApproved}); it is refused with 400 before the command runs,
 *       in its transaction. An administrator changing a non-form variable through a task: 403.</li>
 * </ul>
 * Calls without an engine authentication are the server's own (its /api services, the job executor) and
 * pass; the listeners never take ownership from variables anyway (CycleReference).
 *
 * <p>Engine internals: the command classes are Camunda's, and their task ids and variables sit in protected
 * fields without getters, read reflectively here ({@link #READ}); a command interceptor that needs the
 * command context, so it must run after Camunda's own. A renamed field would let every submission through
 * unchecked, so the start stops ({@link EngineHookMismatch}) when a field is missing or of another type,
 * or when the guard is not in the engine's command chain after the command context is opened.
 * SubmittedFieldsGuardTest feeds it both, and fails if an upgrade adds a command that carries variables
 * and is not listed here.
 */
@Component
class SubmittedFieldsGuard extends AbstractProcessEnginePlugin {

  /** What only an administrator may run (each class and its subclasses). */
  static final List<Class<?>> REFUSED = List.of(
      // variables of a task, an execution or a process instance: set, modify, remove, binary data
      AbstractSetVariableCmd.class, AbstractRemoveVariableCmd.class, AbstractPatchVariablesCmd.class,
      SetVariablesToProcessInstancesBatchCmd.class, CaseExecutionVariableCmd.class,
      DeleteHistoricVariableInstanceCmd.class, DeleteHistoricVariableInstancesByProcessInstanceIdCmd.class,
      // moving a process other than by completing its task
      ModifyProcessInstanceCmd.class, ModifyProcessInstanceAsyncCmd.class, AbstractModificationCmd.class,
      AbstractProcessInstanceModificationCommand.class,
      AbstractRestartProcessInstanceCmd.class, AbstractMigrationCmd.class,
      StartProcessInstanceCmd.class, StartProcessInstanceAtActivitiesCmd.class, SubmitStartFormCmd.class,
      EvaluateStartConditionCmd.class, CreateCaseInstanceCmd.class,
      AbstractCorrelateMessageCmd.class, CorrelateAllMessageBatchCmd.class, MessageEventReceivedCmd.class,
      SignalCmd.class, SignalEventReceivedCmd.class,
      // an uncaught BPMN error ends the self-assessment, past its head's and the secretariat's review
      HandleTaskBpmnErrorCmd.class, HandleTaskEscalationCmd.class, HandleExternalTaskCmd.class);

  static final String ONLY_THROUGH_THE_FORM = "変数の設定・変更・削除やプロセスの操作は管理者だけができます。"
      + "タスクの内容はフォームから送信してください（submit-form または complete）";

  /** A field of one of Camunda's commands that the guard reads, and the type it reads it as. */
  record CommandField(Class<?> command, String name, Class<?> type) {
  }

  /** Every field read by {@link #read}, checked when the engine starts ({@link #verify}). */
  static final List<CommandField> READ = List.of(
      new CommandField(CompleteTaskCmd.class, "taskId", String.class),
      new CommandField(CompleteTaskCmd.class, "variables", Map.class),
      new CommandField(CompleteTaskCmd.class, "returnVariables", boolean.class),
      new CommandField(CompleteTaskCmd.class, "deserializeReturnedVariables", boolean.class),
      new CommandField(ResolveTaskCmd.class, "taskId", String.class),
      new CommandField(ResolveTaskCmd.class, "variables", Map.class),
      new CommandField(SubmitTaskFormCmd.class, "taskId", String.class),
      new CommandField(SubmitTaskFormCmd.class, "properties", Map.class),
      new CommandField(SetTaskVariablesCmd.class, "entityId", String.class),
      new CommandField(SetTaskVariablesCmd.class, "isLocal", boolean.class),
      new CommandField(SetTaskVariablesCmd.class, "variables", Map.class),
      new CommandField(RemoveTaskVariablesCmd.class, "entityId", String.class),
      new CommandField(RemoveTaskVariablesCmd.class, "isLocal", boolean.class),
      new CommandField(RemoveTaskVariablesCmd.class, "variableNames", Collection.class),
      new CommandField(PatchTaskVariablesCmd.class, "entityId", String.class),
      new CommandField(PatchTaskVariablesCmd.class, "isLocal", boolean.class),
      new CommandField(PatchTaskVariablesCmd.class, "variables", Map.class),
      new CommandField(PatchTaskVariablesCmd.class, "deletions", Collection.class));

  private Guard guard;
  private ProcessEngineConfigurationImpl configuration;
  private volatile boolean verified;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    verify(READ);
    // after the command context is opened, inside the command's transaction: the task and its variables
    // read for the check are then the ones the command itself uses (one transaction and one read, not two)
    this.configuration = configuration;
    guard = new Guard(configuration);
    configuration.setCustomPostCommandInterceptorsTxRequired(with(guard,
        configuration.getCustomPostCommandInterceptorsTxRequired()));
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    verifyInChain(guard, configuration == null ? null : configuration.getCommandExecutorTxRequired());
    verified = true;
  }

  /** The engine called this plugin: a guard never installed checks nothing. */
  @EventListener(ApplicationReadyEvent.class)
  void verifyCalled() {
    if (!verified) {
      throw new EngineHookMismatch(SubmittedFieldsGuard.class, "the engine never called the plugin around its build");
    }
  }

  /** Each field is declared by the command or a superclass, and holds what the guard reads it as. */
  static void verify(List<CommandField> fields) {
    var wrong = new ArrayList<String>();
    for (var expected : fields) {
      var field = field(expected.command(), expected.name());
      if (field == null) {
        wrong.add(expected.command().getSimpleName() + " has no field " + expected.name());
      } else if (!expected.type().isAssignableFrom(field.getType())) {
        wrong.add(expected.command().getSimpleName() + "." + expected.name() + " is a " + field.getType().getName()
            + ", not a " + expected.type().getName());
      }
    }
    if (!wrong.isEmpty()) {
      throw new EngineHookMismatch(SubmittedFieldsGuard.class, String.join("; ", wrong)
          + " (the guard reads the submitted task and variables from these fields)");
    }
  }

  /**
   * The guard is in the chain every command of the engine's services passes (followed link by link from
   * the executor they hand their commands to), after the interceptor that opens the command context (it
   * reads the task through it), so inside Camunda's transaction.
   */
  static void verifyInChain(CommandInterceptor guard, CommandExecutor executor) {
    var passed = new ArrayList<String>();
    var contextOpened = false;
    for (var link = executor; link instanceof CommandInterceptor interceptor && passed.size() < 100;
        link = interceptor.getNext()) {
      if (link == guard) {
        if (!contextOpened) {
          throw new EngineHookMismatch(SubmittedFieldsGuard.class, "the guard runs before the command context is"
              + " opened (interceptors in order: " + passed + ")");
        }
        return;
      }
      contextOpened |= link instanceof CommandContextInterceptor;
      passed.add(link.getClass().getSimpleName());
    }
    throw new EngineHookMismatch(SubmittedFieldsGuard.class, "a command of the engine's services does not pass the"
        + " guard (interceptors it passes: " + passed + ")");
  }

  private static List<CommandInterceptor> with(CommandInterceptor guard, List<CommandInterceptor> existing) {
    var interceptors = new ArrayList<CommandInterceptor>();
    if (existing != null) {
      interceptors.addAll(existing);
    }
    interceptors.add(guard);
    return interceptors;
  }

  /** Whether a non-administrator is refused this command. */
  static boolean refusedToNonAdministrators(Command<?> command) {
    if (command instanceof ResolveTaskCmd) {
      // resolving a delegated task is fine; what it would set goes to the execution, like complete's did
      return !names(read(command, "variables")).isEmpty();
    }
    return REFUSED.stream().anyMatch(type -> type.isInstance(command));
  }

  /**
   * Camunda's complete on a task of a process: submit-form's command in its place, with the same task,
   * variables and answer (both return the process instance's variables when asked, or nothing). Only the
   * class itself: ResolveTaskCmd extends it.
   */
  @SuppressWarnings("unchecked")
  static <T> Command<T> asSubmission(Command<T> command, CommandContext context) {
    if (command.getClass() != CompleteTaskCmd.class) {
      return command;
    }
    var taskId = (String) read(command, "taskId");
    var task = taskId == null ? null : context.getTaskManager().findTaskById(taskId);
    if (task == null || task.getProcessInstanceId() == null) {
      return command; // a missing task is the command's to report; a standalone task has no form
    }
    @SuppressWarnings("unchecked")
    var variables = (Map<String, Object>) read(command, "variables");
    return (Command<T>) new SubmitTaskFormCmd(taskId, variables, (Boolean) read(command, "returnVariables"),
        (Boolean) read(command, "deserializeReturnedVariables"));
  }

  static final class Guard extends CommandInterceptor {

    private final ProcessEngineConfigurationImpl configuration;

    Guard(ProcessEngineConfigurationImpl configuration) {
      this.configuration = configuration;
    }

    @Override
    public <T> T execute(Command<T> command) {
      var context = Context.getCommandContext();
      command = asSubmission(command, context);
      if (command instanceof SubmitTaskFormCmd) {
        check((String) read(command, "taskId"), names(read(command, "properties")), false);
      } else if (isNonAdministrator(context) && refusedToNonAdministrators(command)) {
        throw new AuthorizationException(ONLY_THROUGH_THE_FORM);
      } else if (command instanceof ResolveTaskCmd) {
        // not a form's submission (resolve answers any engine error with 500): a change through the task
        check((String) read(command, "taskId"), names(read(command, "variables")), true);
      } else if (command instanceof SetTaskVariablesCmd || command instanceof RemoveTaskVariablesCmd
          || command instanceof PatchTaskVariablesCmd) {
        // an administrator: setting a variable through a task, not task-local, would write to the process
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

    /** A person signed in (through /engine-rest or a webapp) who is not in an administrators' group. */
    private static boolean isNonAdministrator(CommandContext context) {
      var authentication = context.getAuthentication();
      return authentication != null && !context.getAuthorizationManager().isCamundaAdmin(authentication);
    }

    /**
     * A submission with a stray field is bad input (400); the variable endpoints answer any engine error
     * with 500 except a refused permission, and changing the process through a task is one (403).
     */
    private void check(String taskId, Collection<?> submitted, boolean change) {
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
  }

  private static Collection<?> names(Object variables) {
    if (variables instanceof Map<?, ?> map) {
      return map.keySet();
    }
    return variables instanceof Collection<?> names ? names : List.of();
  }

  /** A field listed in {@link #READ}, of the command given. */
  static Object read(Object command, String name) {
    var field = field(command.getClass(), name);
    if (field == null) {
      throw new EngineHookMismatch(SubmittedFieldsGuard.class, command.getClass().getSimpleName() + " has no field " + name);
    }
    try {
      field.setAccessible(true);
      return field.get(command);
    } catch (IllegalAccessException | RuntimeException e) {
      throw new EngineHookMismatch(SubmittedFieldsGuard.class, "cannot read " + command.getClass().getSimpleName()
          + "." + name + ": " + e);
    }
  }

  /** The field of that name the class or a superclass declares, or null. */
  private static Field field(Class<?> command, String name) {
    for (Class<?> type = command; type != null && type != Object.class; type = type.getSuperclass()) {
      try {
        return type.getDeclaredField(name);
      } catch (NoSuchFieldException e) {
        // declared further up
      }
    }
    return null;
  }
}

package jp.climatepdca.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.PatchTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.RemoveTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContextInterceptor;
import org.junit.jupiter.api.Test;

/**
 * The engine internals the guard depends on, so that a Camunda (or Operaton) upgrade that changes them
 * fails here rather than silently letting variable writes through: the fields it reads (and the start-up
 * check of them and of the guard's place in the engine's command chain), and the list of commands only an
 * administrator may run, against every command of the engine that carries variables.
 */
class SubmittedFieldsGuardTest {

  /**
   * Commands that carry variables and stay open to everyone, each for a reason: they read, or they are
   * the task's own form (checked field by field), or they are checked otherwise.
   */
  private static final Set<String> OPEN = Set.of(
      // the form's submission, and complete, which runs as it
      SubmitTaskFormCmd.class.getName(), CompleteTaskCmd.class.getName(),
      // refused to non-administrators when it carries variables (SubmittedFieldsGuard.refusedToNonAdministrators)
      ResolveTaskCmd.class.getName(),
      // hold a task entity (whose variable fields they do not touch): an attachment, an identity link, PUT /task/{id}
      "org.camunda.bpm.engine.impl.cmd.CreateAttachmentCmd", "org.camunda.bpm.engine.impl.cmd.DeleteGroupIdentityLinkCmd",
      "org.camunda.bpm.engine.impl.cmd.DeleteUserIdentityLinkCmd", "org.camunda.bpm.engine.impl.cmd.SaveTaskCmd",
      // builds a migration plan, which only a migration (refused) applies
      "org.camunda.bpm.engine.impl.cmd.CreateMigrationPlanCmd");

  @Test
  void everyCommandThatCarriesVariablesIsRefusedToNonAdministratorsOrListedAsOpen() throws Exception {
    var unlisted = new TreeSet<String>();
    for (var type : engineCommands()) {
      if (carriesVariables(type) && !reads(type) && !OPEN.contains(type.getName())
          && SubmittedFieldsGuard.REFUSED.stream().noneMatch(refused -> refused.isAssignableFrom(type))) {
        unlisted.add(type.getName());
      }
    }
    assertThat(unlisted).as("commands of the engine that write variables and are neither refused to non-administrators"
        + " (SubmittedFieldsGuard.REFUSED) nor reviewed as open (OPEN above)").isEmpty();
  }

  @Test
  void theFieldsTheGuardReadsAreWhereItLooks() {
    var complete = new CompleteTaskCmd("task", Map.of("measures", "[]"), true, false);
    assertThat(SubmittedFieldsGuard.read(complete, "taskId")).isEqualTo("task");
    assertThat(SubmittedFieldsGuard.read(complete, "variables")).isEqualTo(Map.of("measures", "[]"));
    assertThat(SubmittedFieldsGuard.read(complete, "returnVariables")).isEqualTo(true);
    assertThat(SubmittedFieldsGuard.read(complete, "deserializeReturnedVariables")).isEqualTo(false);
    var submit = new SubmitTaskFormCmd("task", Map.of("measures", "[]"), false, false);
    assertThat(SubmittedFieldsGuard.read(submit, "taskId")).isEqualTo("task");
    assertThat(((Map<?, ?>) SubmittedFieldsGuard.read(submit, "properties")).keySet()).isEqualTo(Set.of("measures"));
    var resolve = new ResolveTaskCmd("task", Map.of("x", 1));
    assertThat(SubmittedFieldsGuard.read(resolve, "variables")).isEqualTo(Map.of("x", 1));
    var set = new SetTaskVariablesCmd("task", Map.of("x", 1), true);
    assertThat(SubmittedFieldsGuard.read(set, "entityId")).isEqualTo("task");
    assertThat(SubmittedFieldsGuard.read(set, "isLocal")).isEqualTo(true);
    assertThat(SubmittedFieldsGuard.read(set, "variables")).isEqualTo(Map.of("x", 1));
    assertThat(SubmittedFieldsGuard.read(new RemoveTaskVariablesCmd("task", List.of("x"), false), "variableNames"))
        .isEqualTo(List.of("x"));
    assertThat(SubmittedFieldsGuard.read(new PatchTaskVariablesCmd("task", Map.of(), List.of("y"), false), "deletions"))
        .isEqualTo(List.of("y"));
  }

  @Test
  void everyFieldItReadsIsCheckedAtStartUp() {
    SubmittedFieldsGuard.verify(SubmittedFieldsGuard.READ);
    // read() is given only names that READ lists, so what the start-up check passed is what it reads
    assertThat(SubmittedFieldsGuard.READ).extracting(SubmittedFieldsGuard.CommandField::name).contains("taskId",
        "variables", "returnVariables", "deserializeReturnedVariables", "properties", "entityId", "isLocal",
        "variableNames", "deletions");
  }

  @Test
  void aRenamedOrRetypedFieldStopsTheStart() {
    assertThatThrownBy(() -> SubmittedFieldsGuard.verify(List.of(
        new SubmittedFieldsGuard.CommandField(SubmitTaskFormCmd.class, "variables", Map.class))))
        .isInstanceOf(EngineHookMismatch.class)
        .hasMessageStartingWith("SubmittedFieldsGuard no longer matches the process engine")
        .hasMessageContaining("SubmitTaskFormCmd has no field variables");
    assertThatThrownBy(() -> SubmittedFieldsGuard.verify(List.of(
        new SubmittedFieldsGuard.CommandField(CompleteTaskCmd.class, "taskId", Map.class))))
        .isInstanceOf(EngineHookMismatch.class)
        .hasMessageContaining("CompleteTaskCmd.taskId is a java.lang.String, not a java.util.Map");
    assertThatThrownBy(() -> SubmittedFieldsGuard.read(new CompleteTaskCmd("task", Map.of()), "properties"))
        .isInstanceOf(EngineHookMismatch.class);
  }

  /** With TaskInputUnwrapping in front, as in the application: each command reaches the guard. */
  @Test
  void theGuardRunsInsideTheCommandContextOfEveryCommand() {
    var plugin = new SubmittedFieldsGuard();
    var engine = PlainEngine.build("guard", new TaskInputUnwrapping(), plugin);
    try {
      plugin.verifyCalled();
    } finally {
      engine.close();
    }
  }

  @Test
  void aGuardOutsideTheChainOrBeforeTheCommandContextStopsTheStart() {
    var guard = new SubmittedFieldsGuard.Guard(null);
    var context = new CommandContextInterceptor();
    assertThatThrownBy(() -> SubmittedFieldsGuard.verifyInChain(guard, context))
        .isInstanceOf(EngineHookMismatch.class).hasMessageContaining("does not pass the guard");
    guard.setNext(context);
    assertThatThrownBy(() -> SubmittedFieldsGuard.verifyInChain(guard, guard))
        .isInstanceOf(EngineHookMismatch.class).hasMessageContaining("runs before the command context is opened");
    context.setNext(guard);
    guard.setNext(null);
    SubmittedFieldsGuard.verifyInChain(guard, context);
    assertThatThrownBy(new SubmittedFieldsGuard()::verifyCalled).isInstanceOf(EngineHookMismatch.class)
        .hasMessageContaining("never called the plugin");
  }

  @Test
  void completeWithVariablesIsNotMistakenForResolve() {
    // ResolveTaskCmd extends CompleteTaskCmd: only the class itself runs as submit-form
    assertThat(SubmittedFieldsGuard.refusedToNonAdministrators(new ResolveTaskCmd("task", Map.of("x", 1)))).isTrue();
    assertThat(SubmittedFieldsGuard.refusedToNonAdministrators(new ResolveTaskCmd("task", Map.of()))).isFalse();
    assertThat(SubmittedFieldsGuard.refusedToNonAdministrators(new CompleteTaskCmd("task", Map.of("x", 1)))).isFalse();
    assertThat(SubmittedFieldsGuard.refusedToNonAdministrators(new SetTaskVariablesCmd("task", Map.of("x", 1), true)))
        .isTrue();
  }

  /** Every concrete command class of the engine's jar. */
  private static List<Class<?>> engineCommands() throws Exception {
    var jar = Command.class.getProtectionDomain().getCodeSource().getLocation();
    var commands = new ArrayList<Class<?>>();
    try (var file = new JarFile(new java.io.File(jar.toURI()))) {
      for (var entries = file.entries(); entries.hasMoreElements(); ) {
        var name = entries.nextElement().getName();
        if (!name.startsWith("org/camunda/bpm/engine/impl/") || !name.endsWith(".class") || name.contains("$")) {
          continue;
        }
        Class<?> type;
        try {
          type = Class.forName(name.replace('/', '.').replace(".class", ""), false,
              SubmittedFieldsGuardTest.class.getClassLoader());
        } catch (LinkageError | ClassNotFoundException optionalDependency) {
          continue; // needs a library the application does not ship (e.g. another container's API)
        }
        if (Command.class.isAssignableFrom(type) && !type.isInterface() && !Modifier.isAbstract(type.getModifiers())) {
          commands.add(type);
        }
      }
    }
    assertThat(commands).as("the engine's commands").hasSizeGreaterThan(300);
    return commands;
  }

  /** Reads, queries and their like: what they name as variables is what they return. */
  private static boolean reads(Class<?> type) {
    var name = type.getSimpleName();
    return name.startsWith("Get") || name.contains("Query") || name.startsWith("Evaluate") && name.contains("Decision");
  }

  /** A field named like variables, or a builder holding one (message correlation, start, modification...). */
  private static boolean carriesVariables(Class<?> type) {
    for (var field : fields(type)) {
      if (isVariables(field)) {
        return true;
      }
      var held = field.getType();
      if (held.getName().startsWith("org.camunda.bpm.engine.impl.") && held != type
          && fields(held).stream().anyMatch(SubmittedFieldsGuardTest::isVariables)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isVariables(Field field) {
    var name = field.getName().toLowerCase();
    return name.contains("variable") && !name.contains("deserialize") && !name.contains("return")
        && (Map.class.isAssignableFrom(field.getType()) || Collection.class.isAssignableFrom(field.getType()));
  }

  private static List<Field> fields(Class<?> type) {
    var fields = new ArrayList<Field>();
    for (Class<?> t = type; t != null && t != Object.class; t = t.getSuperclass()) {
      try {
        fields.addAll(List.of(t.getDeclaredFields()));
      } catch (LinkageError optionalDependency) {
        break;
      }
    }
    return fields;
  }
}

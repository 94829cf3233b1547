package jp.climatepdca.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.junit.jupiter.api.Test;

/**
 * Every user task of every diagram carries the four reminder timeout listeners with the expression of their
 * kind: a task added to a diagram without them (the committee's review of a plan revision was, when the
 * reminders and that task were built side by side) would never remind anyone, and no other test would notice.
 */
class EveryUserTaskRemindedTest {

  @Test
  void everyUserTaskHasTheFourReminders() throws IOException {
    var missing = new ArrayList<String>();
    var tasks = 0;
    try (var files = Files.list(Path.of("bpmn"))) {
      for (var file : files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList()) {
        var model = Bpmn.readModelFromFile(file.toFile());
        for (var task : model.getModelElementsByType(UserTask.class)) {
          tasks++;
          var listeners = task.getExtensionElements() == null ? List.<CamundaTaskListener>of()
              : task.getExtensionElements().getElementsQuery().filterByType(CamundaTaskListener.class).list();
          for (var kind : ReminderKind.values()) {
            var expected = "${taskReminders.send(task, '" + kind.name() + "')}";
            var found = listeners.stream().anyMatch(l -> "timeout".equals(l.getCamundaEvent())
                && kind.listenerId.equals(l.getAttributeValue("id")) && expected.equals(l.getCamundaExpression())
                && !l.getTimeouts().isEmpty());
            if (!found) {
              missing.add(file.getFileName() + " " + task.getId() + " " + kind.listenerId);
            }
          }
        }
      }
    }
    assertThat(tasks).as("user tasks found").isGreaterThan(30);
    assertThat(missing).as("user tasks without a reminder of " + Arrays.toString(ReminderKind.values())).isEmpty();
  }
}

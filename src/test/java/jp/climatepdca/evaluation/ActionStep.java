package jp.climatepdca.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import jp.climatepdca.cycle.FiscalYearCycleProcess;
import jp.climatepdca.identity.GroupNames;
import jp.climatepdca.plan.PlanImportService;
import jp.climatepdca.testing.CycleFixture;
import jp.climatepdca.testing.Http;
import jp.climatepdca.testing.TestUsers;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.context.ApplicationContext;

/**
 * A town of an Action test: its plan file loaded and its secretariat's user ({@code <town>-jimukyoku}). Then
 * its cycle started through /api by its secretariat ({@code <town>-jimukyoku}), then moved straight to
 * its Action step by process-instance modification: the year's earlier steps are the whole-year tests'
 * business; the Action tests are about what the step records. Returns the Action task's id.
 */
final class ActionStep {

  private ActionStep() {}

  static void town(ApplicationContext context, String town, String planFile) {
    context.getBean(PlanImportService.class).importPlan(new ByteArrayInputStream(planFile.getBytes(StandardCharsets.UTF_8)));
    TestUsers.add(context.getBean(IdentityService.class), town + "-jimukyoku", "事務局", "町" + town,
        GroupNames.secretariat(town));
  }

  static String reach(ApplicationContext context, int port, String town, int year) {
    var runtime = context.getBean(RuntimeService.class);
    var started = Http.as(port, town + "-jimukyoku").post("/api/cycles", Map.of("municipality", town,
        "fiscalYear", year));
    assertThat(started.status()).as(started.toString()).isEqualTo(201);
    var cycle = runtime.createProcessInstanceQuery().processInstanceBusinessKey(town + ":" + year)
        .processDefinitionKey(FiscalYearCycleProcess.KEY).singleResult();
    var modification = runtime.createProcessInstanceModification(cycle.getId());
    var tree = runtime.getActivityInstance(cycle.getId());
    for (var child : tree.getChildActivityInstances()) {
      modification.cancelActivityInstance(child.getId());
    }
    for (var transition : tree.getChildTransitionInstances()) {
      modification.cancelTransitionInstance(transition.getId());
    }
    modification.startBeforeActivity(FiscalYearCycleProcess.TASK_ACTION_DECISIONS).execute();
    return CycleFixture.await(context.getBean(TaskService.class), town + ":" + year, FiscalYearCycleProcess.TASK_ACTION_DECISIONS).getId();
  }
}

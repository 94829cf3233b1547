package jp.climatepdca.system;

import static jp.climatepdca.assessment.DepartmentSelfAssessmentProcess.TASK_ENTER;
import static jp.climatepdca.assessment.DepartmentSelfAssessmentProcess.TASK_HEAD_APPROVAL;
import static jp.climatepdca.cycle.FiscalYearCycleProcess.EVENT_APRIL_CHECK_DATE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.climatepdca.cycle.CycleStarter;
import jp.climatepdca.testing.StandaloneApp;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Installing a new version over running cycles, as docs/operations.md describes it: the application is
 * started on the BPMN and forms of a directory, a cycle is in its April check and another waits for its
 * April date; then it is started again with one BPMN changed. The engine deploys everything again as one
 * deployment (every process a new version, the forms with them); the running cycles stay on their version,
 * their open tasks keep their own deployment's forms and go on with the new code; a sub-process started
 * after the upgrade (the April check of the waiting cycle) is the new version; a new cycle too.
 */
class UpgradeTest {

  private static final String CITY = "999999";
  private static final String CYCLE = "fiscal-year-cycle";
  private static final String DEPARTMENT = "department-self-assessment";
  private static final String REPORT = "annual-report-publication";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path directory;

  /** Every BPMN and form of the release (the count grows with each process and form). */
  private static int filesIn(Path resources) throws IOException {
    try (var bpmn = Files.list(resources.resolve("bpmn")); var forms = Files.list(resources.resolve("forms"))) {
      return (int) (bpmn.count() + forms.count());
    }
  }

  private ConfigurableApplicationContext start(Path resources) {
    return StandaloneApp.start(directory, "upgradeTest", "--camunda.bpm.deployment-resource-pattern="
        + "file:" + resources.resolve("bpmn") + "/*.bpmn,file:" + resources.resolve("forms") + "/*.form");
  }

  @Test
  void aNewVersionDeploysEverythingAgainAndTheRunningCyclesGoOn() throws IOException {
    var resources = directory.resolve("release");
    copy(Path.of("bpmn"), resources.resolve("bpmn"));
    copy(Path.of("forms"), resources.resolve("forms"));

    String inApril;
    String waiting;
    String firstDeployment;
    try (var before = start(resources)) {
      var starter = before.getBean(CycleStarter.class);
      inApril = starter.start(CITY, 2031, "jimukyoku").processInstanceId();
      waiting = starter.start(CITY, 2032, "jimukyoku").processInstanceId();
      aprilCheck(before, inApril);
      var repository = before.getBean(RepositoryService.class);
      assertThat(repository.createDeploymentQuery().count()).isEqualTo(1);
      firstDeployment = repository.createDeploymentQuery().singleResult().getId();
      assertThat(departmentInstances(before, inApril)).isNotEmpty()
          .allSatisfy(instance -> assertThat(version(before, instance)).isEqualTo(1));
    }

    // the release: one process changed (its name), everything else as it was
    var cycleBpmn = resources.resolve("bpmn/fiscal-year-cycle.bpmn");
    var text = Files.readString(cycleBpmn);
    assertThat(text).contains("name=\"年度の進行管理（PDCA）\"");
    Files.writeString(cycleBpmn, text.replace("name=\"年度の進行管理（PDCA）\"", "name=\"年度の進行管理（PDCA）第2版\""));

    try (var after = start(resources)) {
      var repository = after.getBean(RepositoryService.class);
      assertThat(repository.createDeploymentQuery().count()).as("one new deployment").isEqualTo(2);
      var second = repository.createDeploymentQuery().orderByDeploymentTime().desc().list().get(0).getId();
      assertThat(repository.getDeploymentResourceNames(second)).as("the whole release again")
          .hasSameSizeAs(repository.getDeploymentResourceNames(firstDeployment)).hasSize(filesIn(resources));
      for (var key : List.of(CYCLE, DEPARTMENT, REPORT)) {
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult()
            .getVersion()).as(key).isEqualTo(2);
      }
      assertThat(latest(after, CYCLE).getName()).isEqualTo("年度の進行管理（PDCA）第2版");

      // the cycles that were running stay on the version they started with
      assertThat(version(after, inApril)).isEqualTo(1);
      assertThat(version(after, waiting)).isEqualTo(1);

      // a department of the cycle in its April check: its task shows the form of its own deployment and
      // is completed with the new version's code; its next task follows in the same (first) version
      var entry = after.getBean(TaskService.class).createTaskQuery().processInstanceBusinessKey(CITY + ":2031:env")
          .taskDefinitionKey(TASK_ENTER).singleResult();
      assertThat(after.getBean(FormService.class).getDeployedTaskForm(entry.getId())).isNotNull();
      enter(after, entry.getId(), "env-staff");
      var approval = after.getBean(TaskService.class).createTaskQuery()
          .processInstanceBusinessKey(CITY + ":2031:env").taskDefinitionKey(TASK_HEAD_APPROVAL).singleResult();
      assertThat(approval).isNotNull();
      assertThat(repository.getProcessDefinition(approval.getProcessDefinitionId()).getVersion()).isEqualTo(1);

      // the waiting cycle's April check, after the upgrade: its call activity takes the newest departments'
      // process (calledElementBinding "latest"), forms included
      aprilCheck(after, waiting);
      var departments = departmentInstances(after, waiting);
      assertThat(departments).isNotEmpty().allSatisfy(instance -> assertThat(version(after, instance)).isEqualTo(2));
      var newEntry = after.getBean(TaskService.class).createTaskQuery()
          .processInstanceBusinessKey(CITY + ":2032:env").taskDefinitionKey(TASK_ENTER).singleResult();
      assertThat(after.getBean(FormService.class).getDeployedTaskForm(newEntry.getId())).isNotNull();

      // and a cycle started now is the new version
      var next = after.getBean(CycleStarter.class).start(CITY, 2033, "jimukyoku").processInstanceId();
      assertThat(version(after, next)).isEqualTo(2);
    }
  }

  /** The April timer, as the job executor would run it once its day comes. */
  private static void aprilCheck(ConfigurableApplicationContext app, String cycle) {
    var management = app.getBean(ManagementService.class);
    var timer = management.createJobQuery().processInstanceId(cycle).activityId(EVENT_APRIL_CHECK_DATE).singleResult();
    management.executeJob(timer.getId());
  }

  private static List<String> departmentInstances(ConfigurableApplicationContext app, String cycle) {
    return app.getBean(RuntimeService.class).createProcessInstanceQuery().superProcessInstanceId(cycle).list()
        .stream().map(instance -> instance.getId()).toList();
  }

  private static int version(ConfigurableApplicationContext app, String processInstanceId) {
    var instance = app.getBean(RuntimeService.class).createProcessInstanceQuery().processInstanceId(processInstanceId)
        .singleResult();
    return app.getBean(RepositoryService.class).getProcessDefinition(instance.getProcessDefinitionId()).getVersion();
  }

  private static ProcessDefinition latest(ConfigurableApplicationContext app, String key) {
    return app.getBean(RepositoryService.class).createProcessDefinitionQuery().processDefinitionKey(key)
        .latestVersion().singleResult();
  }

  /** The department's entry as its staff submits it in Tasklist: every measure on track. */
  @SuppressWarnings("unchecked")
  private static void enter(ConfigurableApplicationContext app, String taskId, String user) throws IOException {
    var identity = app.getBean(IdentityService.class);
    // as the doors authenticate: the user's groups and tenants (docs/tenants.md)
    identity.setAuthentication(user, identity.createGroupQuery().groupMember(user).list().stream()
        .map(group -> group.getId()).toList(), identity.createTenantQuery().userMember(user)
        .includingGroupsOfUser(true).list().stream().map(tenant -> tenant.getId()).toList());
    try {
      app.getBean(TaskService.class).claim(taskId, user);
      var forms = app.getBean(FormService.class);
      List<Map<String, Object>> measures = JSON.readValue(
          forms.getTaskFormVariables(taskId).get("measures").toString(), List.class);
      measures.forEach(row -> {
        row.put("progress", "ON_TRACK");
        row.put("achievements", "計画どおり実施した");
      });
      var submitted = new HashMap<String, Object>();
      submitted.put("measures", SpinValues.jsonValue(JSON.writeValueAsString(measures)).create());
      forms.submitTaskForm(taskId, submitted);
    } finally {
      identity.clearAuthentication();
    }
  }

  private static void copy(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (var files = Files.list(from)) {
      for (var file : files.toList()) {
        Files.copy(file, to.resolve(file.getFileName()));
      }
    }
  }
}

package jp.climatepdca.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import jp.climatepdca.cycle.CycleStarter;
import jp.climatepdca.testing.StandaloneApp;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The default set-up twice on the same H2 file, as a person restarting the application would: the data
 * stays, and unchanged BPMN and forms make no new deployment, nor do the demo data come twice.
 */
class RestartTest {

  @TempDir
  Path directory;

  private ConfigurableApplicationContext start() {
    return StandaloneApp.start(directory, "restartTest");
  }

  @Test
  void aRestartKeepsTheCycleAndDeploysNothingNew() {
    long deployments;
    String instance;
    long users;
    try (var first = start()) {
      var started = first.getBean(CycleStarter.class).start("999999", 2030, "jimukyoku");
      instance = started.processInstanceId();
      deployments = first.getBean(RepositoryService.class).createDeploymentQuery().count();
      users = first.getBean(IdentityService.class).createUserQuery().count();
      assertThat(deployments).isPositive();
    }
    try (var second = start()) {
      var repository = second.getBean(RepositoryService.class);
      assertThat(repository.createDeploymentQuery().count()).as("deployments after a restart").isEqualTo(deployments);
      assertThat(repository.createProcessDefinitionQuery().latestVersion().list())
          .allSatisfy(definition -> assertThat(definition.getVersion()).isEqualTo(1));
      assertThat(second.getBean(RuntimeService.class).createProcessInstanceQuery().processInstanceId(instance)
          .singleResult().getBusinessKey()).isEqualTo("999999:2030");
      assertThat(second.getBean(IdentityService.class).createUserQuery().count()).isEqualTo(users);
    }
  }
}

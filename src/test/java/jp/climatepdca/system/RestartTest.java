package jp.climatepdca.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import jp.climatepdca.ClimatePdcaApplication;
import jp.climatepdca.cycle.CycleStarter;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/**
 * The default set-up twice on the same H2 file, as a person restarting the application would: the data
 * stays, and unchanged BPMN and forms make no new deployment, nor do the demo data come twice.
 */
class RestartTest {

  @TempDir
  Path directory;

  private ConfigurableApplicationContext start() {
    // command-line arguments: they outrank application.yaml (builder properties would not)
    return new SpringApplicationBuilder(ClimatePdcaApplication.class).run(
        "--spring.datasource.url=jdbc:h2:file:" + directory.resolve("climate-pdca") + ";MODE=LEGACY;DB_CLOSE_ON_EXIT=FALSE",
        "--server.port=0",
        // not "default": Camunda's JVM-wide engine registry is shared with the other Spring tests
        "--camunda.bpm.process-engine-name=restartTest",
        // this test restarts the engine: no job may run in between
        "--camunda.bpm.job-execution.enabled=false");
  }

  @Test
  void aRestartKeepsTheCycleAndDeploysNothingNew() throws IOException {
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
    } finally {
      FileSystemUtils.deleteRecursively(directory);
      Files.createDirectories(directory);
    }
  }
}

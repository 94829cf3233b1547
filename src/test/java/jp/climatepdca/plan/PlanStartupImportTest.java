package jp.climatepdca.plan;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import jp.climatepdca.ClimatePdcaApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** A broken plan file named for start-up stops the start with the file's name and the line. */
class PlanStartupImportTest {

  @TempDir
  Path directory;

  @Test
  void aBrokenStartupFileStopsTheStartAndSaysWhere() {
    assertThatThrownBy(() -> new SpringApplicationBuilder(ClimatePdcaApplication.class).run(
        "--spring.datasource.url=jdbc:h2:file:" + directory.resolve("db") + ";MODE=LEGACY;DB_CLOSE_ON_EXIT=FALSE",
        "--server.port=0",
        // not "default": Camunda's JVM-wide engine registry is shared with the other Spring tests
        "--camunda.bpm.process-engine-name=startupImportTest",
        "--camunda.bpm.job-execution.enabled=false",
        "--climate-pdca.plan.startup-files=classpath:plan-broken/*.json").close())
        .hasStackTraceContaining("broken-town.json")
        .rootCause().hasMessageContaining("行目");
  }
}

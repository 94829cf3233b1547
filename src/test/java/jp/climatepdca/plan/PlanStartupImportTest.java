package jp.climatepdca.plan;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import jp.climatepdca.testing.StandaloneApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A broken plan file named for start-up stops the start with the file's name and the line. */
class PlanStartupImportTest {

  @TempDir
  Path directory;

  @Test
  void aBrokenStartupFileStopsTheStartAndSaysWhere() {
    assertThatThrownBy(() -> StandaloneApp.start(directory, "startupImportTest",
        "--climate-pdca.plan.startup-files=classpath:plan-broken/*.json").close())
        .hasStackTraceContaining("broken-town.json")
        .rootCause().hasMessageContaining("行目");
  }
}

package jp.climatepdca.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import jp.climatepdca.ClimatePdcaApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application started outside Spring's test context cache, on an H2 file of its own, as a person
 * starting it would: for tests that restart it or expect its start to fail.
 *
 * <p>Without Camunda's webapps: they keep their runtime (engine lookup) in JVM-wide statics that their
 * servlet-context listeners set on start and set to null on close. A second webapp in the test JVM,
 * once closed, would leave the shared {@code @AppTest} application's Tasklist and Cockpit without it,
 * and every webapp API call there would fail with a NullPointerException (a 500).
 */
public final class StandaloneApp {

  private StandaloneApp() {}

  /**
   * @param engineName not "default" and without '-': Camunda's JVM-wide engine registry is shared with
   *     the other Spring tests, and closing this context must not unregister their engine
   */
  public static ConfigurableApplicationContext start(Path directory, String engineName, String... arguments) {
    // command-line arguments: they outrank application.yaml (builder properties would not)
    var all = new ArrayList<>(List.of(
        "--spring.datasource.url=jdbc:h2:file:" + directory.resolve("climate-pdca") + ";MODE=LEGACY;DB_CLOSE_ON_EXIT=FALSE",
        "--server.port=0",
        "--camunda.bpm.process-engine-name=" + engineName,
        // no job may run while a test restarts or inspects the engine
        "--camunda.bpm.job-execution.enabled=false",
        "--camunda.bpm.webapp.enabled=false"));
    all.addAll(List.of(arguments));
    return new SpringApplicationBuilder(ClimatePdcaApplication.class).run(all.toArray(String[]::new));
  }
}

package jp.climatepdca.testing;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Makes the engine of the test's Spring context the one Camunda's JVM-wide registry holds under its name
 * before the test class's tests run. The webapps and /engine-rest look engines up in that registry by
 * name ("default"), while several cached contexts of one JVM each have an engine of that name: the last
 * one started wins, and closing any of them (a test with {@code @DirtiesContext}, an engine built by a
 * test) removes the name altogether. Without this, a test on the shared context that ran after such a
 * test found no engine in Tasklist's API (500) or another context's.
 */
public final class RegisteredEngine extends AbstractTestExecutionListener {

  @Override
  public int getOrder() {
    // after the dependency injection listener (2000), which loads the context
    return Ordered.LOWEST_PRECEDENCE - 100;
  }

  @Override
  public void prepareTestInstance(TestContext testContext) {
    if (testContext.hasApplicationContext()) {
      testContext.getApplicationContext().getBeanProvider(ProcessEngine.class)
          .ifAvailable(ProcessEngines::registerProcessEngine);
    }
  }
}

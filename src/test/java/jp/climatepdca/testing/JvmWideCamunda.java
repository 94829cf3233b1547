package jp.climatepdca.testing;

import org.camunda.bpm.admin.Admin;
import org.camunda.bpm.admin.AdminRuntimeDelegate;
import org.camunda.bpm.cockpit.Cockpit;
import org.camunda.bpm.cockpit.CockpitRuntimeDelegate;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.tasklist.Tasklist;
import org.camunda.bpm.tasklist.TasklistRuntimeDelegate;
import org.camunda.bpm.welcome.Welcome;
import org.camunda.bpm.welcome.WelcomeRuntimeDelegate;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Puts back, before each test, what Camunda keeps JVM-wide and a closed Spring test context takes away
 * from the contexts still cached in the same JVM:
 * <ul>
 *   <li>the engine registry by name: the webapps and /engine-rest look engines up there ("default"),
 *   several cached contexts each have an engine of that name, the last one started wins, and closing
 *   any of them (a test with {@code @DirtiesContext}, an engine a test builds) removes the name;</li>
 *   <li>the runtime delegates of Welcome, Cockpit, Admin and Tasklist: static fields their container
 *   bootstraps set when a web context starts and clear when any web context stops, after which the
 *   other contexts' webapps answer every request to a servlet not yet started with a 500 (the Tasklist
 *   login among them).</li>
 * </ul>
 * The test's context's engine is registered again, and the delegates first seen are set again where a
 * closed context cleared them (they hold no state of a context: plugin registries read from the class path).
 */
public final class JvmWideCamunda extends AbstractTestExecutionListener {

  private static WelcomeRuntimeDelegate welcome;
  private static CockpitRuntimeDelegate cockpit;
  private static AdminRuntimeDelegate admin;
  private static TasklistRuntimeDelegate tasklist;

  @Override
  public int getOrder() {
    // after the dependency injection listener (2000), which loads the context
    return Ordered.LOWEST_PRECEDENCE - 100;
  }

  @Override
  public void prepareTestInstance(TestContext testContext) {
    if (!testContext.hasApplicationContext()) {
      return;
    }
    testContext.getApplicationContext().getBeanProvider(ProcessEngine.class)
        .ifAvailable(ProcessEngines::registerProcessEngine);
    restoreWebappDelegates();
  }

  private static synchronized void restoreWebappDelegates() {
    welcome = keep(Welcome.getRuntimeDelegate(), welcome, Welcome::setRuntimeDelegate);
    cockpit = keep(Cockpit.getRuntimeDelegate(), cockpit, Cockpit::setCockpitRuntimeDelegate);
    admin = keep(Admin.getRuntimeDelegate(), admin, Admin::setAdminRuntimeDelegate);
    tasklist = keep(Tasklist.getRuntimeDelegate(), tasklist, Tasklist::setTasklistRuntimeDelegate);
  }

  /** The current delegate, remembered; or, where a closed context cleared it, the one remembered, set again. */
  private static <T> T keep(T current, T remembered, java.util.function.Consumer<T> set) {
    if (current != null) {
      return current;
    }
    if (remembered != null) {
      set.accept(remembered);
    }
    return remembered;
  }
}

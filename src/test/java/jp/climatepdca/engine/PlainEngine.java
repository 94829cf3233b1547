package jp.climatepdca.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;

/**
 * A process engine of its own on an in-memory H2 database, with the plugins given and no Spring: how a
 * hook's test sees what the engine does with its plugin when the engine is built.
 */
final class PlainEngine {

  private PlainEngine() {
  }

  static ProcessEngine build(String name, ProcessEnginePlugin... plugins) {
    return build(name, "none", plugins);
  }

  /** With a history level ("full": what a test of what history keeps needs). */
  static ProcessEngine build(String name, String history, ProcessEnginePlugin... plugins) {
    var configuration = new StandaloneInMemProcessEngineConfiguration();
    configuration.setProcessEngineName("plain-" + name);
    configuration.setJdbcUrl("jdbc:h2:mem:plain-" + name + ";DB_CLOSE_DELAY=1000");
    configuration.setDatabaseSchemaUpdate("create-drop");
    configuration.setJobExecutorActivate(false);
    configuration.setHistory(history);
    configuration.setProcessEnginePlugins(new ArrayList<>(List.of(plugins)));
    return configuration.buildProcessEngine();
  }
}

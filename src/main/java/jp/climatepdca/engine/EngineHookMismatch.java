package jp.climatepdca.engine;

import org.camunda.bpm.engine.ProcessEngine;

/**
 * A hook into the engine's internals no longer matches the engine it runs with. Thrown at start-up, so
 * that the application does not run with a hook that silently does nothing or something else; the
 * message names the hook and what it found, for whoever upgrades the engine.
 */
public final class EngineHookMismatch extends IllegalStateException {

  EngineHookMismatch(Class<?> hook, String found) {
    super(hook.getSimpleName() + " no longer matches the process engine (" + engineVersion() + "): " + found
        + ". Adapt " + hook.getName() + " to this engine (see its Javadoc and docs/engine-boundary.md)"
        + " before running it.");
  }

  private static String engineVersion() {
    var version = ProcessEngine.class.getPackage().getImplementationVersion();
    return ProcessEngine.class.getPackage().getName() + " " + (version == null ? "(version unknown)" : version);
  }
}

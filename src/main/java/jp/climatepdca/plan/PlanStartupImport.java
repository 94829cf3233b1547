package jp.climatepdca.plan;

import java.io.IOException;
import java.util.List;
import jp.climatepdca.system.StartupFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * Loads the plan files named by {@code climate-pdca.plan.startup-files} (resource patterns such as
 * {@code file:/etc/climate-pdca/plans/*.json}) on every start, before anything else reads the plan.
 * Loading is idempotent, so a restart changes nothing; a broken file stops the start with its name
 * and the problem, rather than leaving a half-loaded plan behind.
 */
@Component
class PlanStartupImport {

  private static final Logger LOG = LoggerFactory.getLogger(PlanStartupImport.class);

  private final PlanImportService importer;
  private final List<String> patterns;

  PlanStartupImport(PlanImportService importer,
      @Value("${climate-pdca.plan.startup-files:}") List<String> patterns) {
    this.importer = importer;
    this.patterns = patterns;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(-20)
  void load() {
    StartupFiles.load(patterns, "計画データファイル", this::load);
  }

  private void load(Resource resource) throws IOException {
    try (var in = resource.getInputStream()) {
      var result = importer.importPlan(in);
      LOG.info("Plan loaded from {}: {} {} ({} departments, {} measures), version {}{}", resource.getDescription(),
          result.municipality(), result.name(), result.departments(), result.measures(), result.version(),
          result.versionCreated() ? " (new)" : " (loaded before)");
    }
  }
}

package jp.climatepdca.area;

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
 * Loads the area files named by {@code climate-pdca.plan.startup-area-files} on every start, after the
 * members' plan files (PlanStartupImport, order -20) and before the demo users (DemoData, order -10), which
 * give the area's groups their users. A broken file stops the start with its name and the problems.
 */
@Component
class AreaStartupImport {

  private static final Logger LOG = LoggerFactory.getLogger(AreaStartupImport.class);

  /** Who loaded a start-up file, in area.loaded_by. */
  static final String LOADED_BY = "startup";

  private final AreaImportService importer;
  private final List<String> patterns;

  AreaStartupImport(AreaImportService importer,
      @Value("${climate-pdca.plan.startup-area-files:}") List<String> patterns) {
    this.importer = importer;
    this.patterns = patterns;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(-15)
  void load() {
    StartupFiles.load(patterns, "圏域計画ファイル", this::load);
  }

  private void load(Resource resource) throws IOException {
    try (var in = resource.getInputStream()) {
      var result = importer.importArea(in, code -> true, LOADED_BY);
      LOG.info("Area plan loaded from {}: {} {} ({} members, {} shared measures)", resource.getDescription(),
          result.area(), result.name(), result.members(), result.measures());
    }
  }
}

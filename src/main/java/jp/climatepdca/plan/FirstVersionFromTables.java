package jp.climatepdca.plan;

import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives a plan loaded before plan versions existed (a database from before V14) its version 1, built from
 * the tables that were its plan: 策定, loaded by {@code system}, at this start (docs/plan-versions.md). Until
 * then such a plan had no version to list, compare a revision with, or carry a measure the next file leaves
 * out.
 *
 * <p>At every start, after the start-up plan files (whose municipalities get version 1 from the file, which
 * is more than the tables say: labels as written, the governance block) and before anything else reads the
 * plan. Each municipality in a transaction of its own, under the lock of its row that a plan load takes
 * too: a second node starting together, or a plan file loaded meanwhile, waits, then finds the version and
 * leaves it. So each municipality gets exactly one version 1. A database with versions everywhere costs one
 * query.
 */
@Component
class FirstVersionFromTables {

  private static final Logger LOG = LoggerFactory.getLogger(FirstVersionFromTables.class);

  private final PlanVersionRepository versions;
  private final MunicipalityRepository municipalities;
  private final PlanTablesDocument tables;
  private final PlanDefinitions definitions;
  private final TransactionTemplate transactions;

  FirstVersionFromTables(PlanVersionRepository versions, MunicipalityRepository municipalities,
      PlanTablesDocument tables, PlanDefinitions definitions, PlatformTransactionManager transactions) {
    this.versions = versions;
    this.municipalities = municipalities;
    this.tables = tables;
    this.definitions = definitions;
    this.transactions = new TransactionTemplate(transactions);
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(-19)
  void onStart() {
    var created = createMissing(Instant.now());
    if (!created.isEmpty()) {
      LOG.info("Plan version 1 built from the plan tables (loaded before plan versions existed): {}", created);
    }
  }

  /** The municipalities that got their version 1 now; {@code now} is what the versions say they were made. */
  List<String> createMissing(Instant now) {
    return versions.municipalitiesWithoutVersions().stream().filter(code -> Boolean.TRUE.equals(
        transactions.execute(status -> createIfMissing(code, now)))).toList();
  }

  private boolean createIfMissing(String municipality, Instant now) {
    // a second node, or a plan file being loaded, holds the row until it commits; then it has a version
    if (municipalities.lock(municipality).isEmpty() || !versions.keys(municipality).isEmpty()) {
      return false;
    }
    var text = definitions.write(tables.document(municipality));
    versions.save(new PlanVersion(municipality, 1, null, null, null, PlanReason.ESTABLISHED,
        PlanImportService.STARTUP_USER, now, text));
    return true;
  }
}

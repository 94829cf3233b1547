package jp.climatepdca.publication;

import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import jp.climatepdca.publication.ReportFileStore.StoredFile;
import org.springframework.stereotype.Component;

/**
 * The stored file a public download serves. A version published before files were stored has none: its
 * first request renders and stores them, once. Within a node, requests for the same version wait here,
 * without a database connection, for the one that renders; across nodes the version's row lock
 * ({@link AnnualReportService#storeMissingFiles}) makes the second node find the files stored.
 */
@Component
class PublicFiles {

  private final ReportFileStore store;
  private final AnnualReportService reports;
  // striped, so memory stays bounded whatever versions are asked for; two versions sharing a stripe only wait
  private final ReentrantLock[] stripes = new ReentrantLock[64];

  PublicFiles(ReportFileStore store, AnnualReportService reports) {
    this.store = store;
    this.reports = reports;
    for (int i = 0; i < stripes.length; i++) {
      stripes[i] = new ReentrantLock();
    }
  }

  /** The file of a published version (the newest of the year when {@code version} is null), stored. */
  Optional<StoredFile> find(String municipality, int fiscalYear, Integer version, ReportFile file) {
    var found = store.find(municipality, fiscalYear, version, file);
    if (found.isEmpty() || found.get().stored()) {
      return found;
    }
    var reportId = found.get().reportId();
    var stripe = stripes[Math.floorMod(Long.hashCode(reportId), stripes.length)];
    stripe.lock();
    try {
      reports.storeMissingFiles(reportId);
    } finally {
      stripe.unlock();
    }
    // the same version again, not "the newest", which a correction may have changed meanwhile
    var stored = store.find(municipality, fiscalYear, found.get().version(), file).filter(StoredFile::stored);
    if (stored.isEmpty()) {
      throw new IllegalStateException("the " + file.fileName() + " of annual report " + reportId + " was not stored");
    }
    return stored;
  }

  byte[] content(StoredFile file) {
    return store.content(file);
  }
}

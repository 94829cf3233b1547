package jp.climatepdca.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import jp.climatepdca.plan.PlanImportService;
import jp.climatepdca.publication.ReportSnapshot.ReportRequest;
import jp.climatepdca.testing.ProdProfileOnPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The stored report files on PostgreSQL as production runs it (bytea, the row lock Hibernate takes there):
 * publication stores them, and two nodes asking at once for a version published before they were stored
 * (two threads past the node's own lock, straight into the database's) render it once.
 */
@SpringBootTest
class StoredReportFilesPostgresTest extends ProdProfileOnPostgres {

  private static final String TOWN = "930002";
  private static final int YEAR = 2035;

  @Autowired
  PlanImportService importer;

  @Autowired
  AnnualReportService reports;

  @Autowired
  ReportFileStore store;

  @Autowired
  PublicFiles files;

  @Autowired
  JdbcTemplate jdbc;

  @Test
  void publicationStoresTheFilesAndTwoNodesRenderAnOlderVersionOnce() throws Exception {
    PublishedTown.load(importer, TOWN, "かもめ市");
    reports.prepare(new ReportRequest(TOWN, YEAR, YEAR - 1, YEAR - 2, "かもめ市の概要", null), Map.of(), "jimukyoku");
    reports.approve(TOWN, YEAR, "honbu");
    reports.publish(TOWN, YEAR, "jimukyoku");
    var id = jdbc.queryForObject("select id from annual_report where municipality_code = ? and fiscal_year = ?",
        Long.class, TOWN, YEAR);

    var pdf = files.find(TOWN, YEAR, null, ReportFile.PDF).orElseThrow();
    assertThat(pdf.reportId()).isEqualTo(id);
    var bytes = files.content(pdf);
    assertThat(new String(bytes, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    assertThat(pdf.size()).isEqualTo(bytes.length);
    assertThat(pdf.sha256()).isEqualTo(ReportFileStore.sha256(bytes));

    // as if published before the files were stored; two nodes get its first requests at the same moment
    jdbc.update("delete from annual_report_file where report_id = ?", id);
    var before = store.renders();
    var nodes = Executors.newFixedThreadPool(2);
    var start = new CountDownLatch(1);
    try {
      var done = new ArrayList<Future<?>>();
      for (int i = 0; i < 2; i++) {
        done.add(nodes.submit(() -> {
          start.await();
          reports.storeMissingFiles(id);
          return null;
        }));
      }
      start.countDown();
      for (var node : done) {
        node.get(2, TimeUnit.MINUTES);
      }
    } finally {
      nodes.shutdownNow();
      nodes.awaitTermination(1, TimeUnit.MINUTES);
    }
    assertThat(jdbc.queryForObject("select count(*) from annual_report_file where report_id = ?", Integer.class, id))
        .isEqualTo(ReportFile.values().length);
    var after = store.renders();
    for (var file : ReportFile.values()) {
      assertThat(after.get(file) - before.get(file)).as(file.fileName()).isEqualTo(1.0);
    }
    var again = files.find(TOWN, YEAR, 1, ReportFile.PDF).orElseThrow();
    assertThat(again.sha256()).isEqualTo(ReportFileStore.sha256(files.content(again)));
  }
}

package jp.climatepdca.publication;

import static jp.climatepdca.publication.PublishedTown.CODE;
import static jp.climatepdca.publication.PublishedTown.DRAFT_YEAR;
import static jp.climatepdca.publication.PublishedTown.YEAR;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jp.climatepdca.assessment.SelfAssessmentService;
import jp.climatepdca.evaluation.EvaluationService;
import jp.climatepdca.plan.PlanImportService;
import jp.climatepdca.plan.PlanService;
import jp.climatepdca.publication.ReportSnapshot.ReportRequest;
import jp.climatepdca.testing.AppTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The downloads of a published version are rendered once, when it is published, and served from
 * annual_report_file with a strong ETag: a download renders nothing, a revalidation is a 304, a version
 * published before the files were stored is rendered on its first request only, and nothing unpublished
 * is stored or answered with an ETag.
 */
@AppTest
class StoredReportFilesTest {

  private static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  /** A town of this test only, whose report is published and then loses its files as if published before V7. */
  private static final String OLD_TOWN = "930001";
  private static final int OLD_YEAR = 2034;

  @LocalServerPort
  int port;

  @Autowired
  PlanService plan;

  @Autowired
  PlanImportService importer;

  @Autowired
  SelfAssessmentService assessments;

  @Autowired
  EvaluationService evaluations;

  @Autowired
  AnnualReportService reports;

  @Autowired
  ReportFileStore store;

  @Autowired
  JdbcTemplate jdbc;

  @BeforeEach
  void town() {
    PublishedTown.ensure(port, plan, importer, assessments, evaluations, reports);
  }

  @Test
  void publicationStoresEveryFileOnceAndADownloadRendersNothing() {
    var id = reportId(CODE, YEAR, 1);
    assertThat(jdbc.queryForList("select kind from annual_report_file where report_id = ? order by kind", String.class,
        id)).containsExactly("citizen-opinions.csv", "emissions.csv", "indicators.csv", "measures.csv", "prior-opinions.csv", "report.pdf");
    var pdfRenders = store.renders().get(ReportFile.PDF);
    var csvRenders = store.renders().get(ReportFile.MEASURES);

    for (int i = 0; i < 2; i++) {
      var pdf = get("/public/" + CODE + "/" + YEAR + "/versions/1/report.pdf", null);
      assertThat(pdf.statusCode()).isEqualTo(200);
      assertThat(pdf.body()).isEqualTo(stored(id, "report.pdf"));
      assertThat(pdf.headers().firstValue("ETag")).hasValue("\"" + ReportFileStore.sha256(pdf.body()) + "\"");
      assertThat(pdf.headers().firstValue("Content-Length")).hasValue(String.valueOf(pdf.body().length));
      assertThat(pdf.headers().firstValue("Cache-Control").orElse("")).contains("public", "max-age=31536000",
          "immutable").doesNotContain("no-");
      assertThat(pdf.headers().firstValue("Content-Disposition").orElse("")).contains("inline",
          "annual-report-" + CODE + "-" + YEAR + "-v1.pdf");
      var csv = get("/public/" + CODE + "/" + YEAR + "/versions/1/measures.csv", null);
      assertThat(csv.body()).isEqualTo(stored(id, "measures.csv"));
      assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).contains("attachment",
          "annual-report-" + CODE + "-" + YEAR + "-v1-measures.csv");
      assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv").contains("UTF-8");
    }
    assertThat(store.renders().get(ReportFile.PDF)).isEqualTo(pdfRenders);
    assertThat(store.renders().get(ReportFile.MEASURES)).isEqualTo(csvRenders);
  }

  @Test
  void aRevalidationWithTheEtagIs304WithoutABody() {
    var path = "/public/" + CODE + "/" + YEAR + "/versions/1/report.pdf";
    var etag = get(path, null).headers().firstValue("ETag").orElseThrow();
    for (var ifNoneMatch : List.of(etag, "W/" + etag, "\"other\", " + etag, "*")) {
      var notModified = get(path, ifNoneMatch);
      assertThat(notModified.statusCode()).as(ifNoneMatch).isEqualTo(304);
      assertThat(notModified.body()).isEmpty();
      assertThat(notModified.headers().firstValue("ETag")).hasValue(etag);
      assertThat(notModified.headers().firstValue("Cache-Control").orElse("")).contains("immutable");
    }
    assertThat(get(path, "\"" + "0".repeat(64) + "\"").statusCode()).isEqualTo(200);
    var csv = get("/public/" + CODE + "/" + YEAR + "/versions/1/emissions.csv", null);
    assertThat(get("/public/" + CODE + "/" + YEAR + "/versions/1/emissions.csv",
        csv.headers().firstValue("ETag").orElseThrow()).statusCode()).isEqualTo(304);
  }

  /**
   * The year's address shows the newest version, which a correction replaces: caches must ask again each
   * time (no-cache), and its ETag is the newest version's, so after a correction it no longer matches.
   */
  @Test
  void theYearsAddressIsRevalidatedAndCarriesTheNewestVersionsEtag() {
    var newest = reports.published(CODE, YEAR).orElseThrow().version();
    for (var file : List.of("report.pdf", "indicators.csv")) {
      var response = get("/public/" + CODE + "/" + YEAR + "/" + file, null);
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).isEqualTo(stored(reportId(CODE, YEAR, newest), file));
      assertThat(response.headers().firstValue("Cache-Control").orElse("")).contains("no-cache", "public")
          .doesNotContain("immutable", "max-age=31536000");
      var etag = response.headers().firstValue("ETag").orElseThrow();
      var notModified = get("/public/" + CODE + "/" + YEAR + "/" + file, etag);
      assertThat(notModified.statusCode()).isEqualTo(304);
      assertThat(notModified.headers().firstValue("Cache-Control").orElse("")).contains("no-cache");
    }
    var json = get("/public/" + CODE + "/" + YEAR + "/versions/1/report.json", null);
    assertThat(json.headers().firstValue("Cache-Control").orElse("")).contains("no-cache")
        .doesNotContain("immutable");
    assertThat(get("/public/" + CODE + "/" + YEAR + "/versions/1/report.json",
        json.headers().firstValue("ETag").orElseThrow()).statusCode()).isEqualTo(304);
  }

  /**
   * A version published before the files were stored (its rows removed here) gets them on its first
   * request, once, even when several requests for it arrive together; later requests render nothing.
   */
  @Test
  void aVersionPublishedBeforeIsRenderedOnceOnItsFirstRequest() throws Exception {
    var id = publishOldTownsReport();
    jdbc.update("delete from annual_report_file where report_id = ?", id);
    var before = store.renders();
    var path = "/public/" + OLD_TOWN + "/" + OLD_YEAR + "/versions/1/report.pdf";

    var together = Executors.newFixedThreadPool(4);
    try {
      var answers = new ArrayList<Future<HttpResponse<byte[]>>>();
      for (int i = 0; i < 4; i++) {
        answers.add(together.submit((Callable<HttpResponse<byte[]>>) () -> get(path, null)));
      }
      var bodies = new ArrayList<byte[]>();
      for (var answer : answers) {
        assertThat(answer.get().statusCode()).isEqualTo(200);
        bodies.add(answer.get().body());
      }
      var stored = stored(id, "report.pdf");
      assertThat(bodies).allSatisfy(body -> assertThat(body).isEqualTo(stored));
    } finally {
      together.shutdownNow();
      together.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
    }
    assertThat(jdbc.queryForObject("select count(*) from annual_report_file where report_id = ?", Integer.class, id))
        .isEqualTo(ReportFile.values().length);
    // the CSV came with the PDF: every file of the version was rendered exactly once
    assertThat(get("/public/" + OLD_TOWN + "/" + OLD_YEAR + "/emissions.csv", null).statusCode()).isEqualTo(200);
    var after = store.renders();
    for (var file : ReportFile.values()) {
      assertThat(after.get(file) - before.get(file)).as(file.fileName()).isEqualTo(1.0);
    }
  }

  /** An approved, unpublished version has no stored file, and its addresses answer 404 whatever is asked. */
  @Test
  void nothingUnpublishedIsStoredOrAnsweredWithAnEtag() {
    var draft = reportId(CODE, DRAFT_YEAR, 1);
    assertThat(jdbc.queryForObject("select status from annual_report where id = ?", String.class, draft))
        .isEqualTo("APPROVED");
    assertThat(jdbc.queryForObject("select count(*) from annual_report_file where report_id = ?", Integer.class,
        draft)).isZero();
    for (var base : List.of("/public/" + CODE + "/" + DRAFT_YEAR, "/public/" + CODE + "/" + DRAFT_YEAR + "/versions/1",
        "/public/" + CODE + "/" + YEAR + "/versions/99")) {
      for (var file : List.of("/report.pdf", "/measures.csv", "/report.json")) {
        var response = get(base + file, "*");
        assertThat(response.statusCode()).as(base + file).isEqualTo(404);
        assertThat(response.headers().firstValue("ETag")).as(base + file).isEmpty();
        assertThat(response.headers().firstValue("Cache-Control").orElse("")).as(base + file)
            .doesNotContain("public");
      }
    }
  }

  private long publishOldTownsReport() {
    if (plan.findMunicipality(OLD_TOWN).isEmpty()) {
      PublishedTown.load(importer, OLD_TOWN, "つばめ町");
    }
    if (reports.published(OLD_TOWN, OLD_YEAR, 1).isEmpty()) {
      reports.prepare(new ReportRequest(OLD_TOWN, OLD_YEAR, OLD_YEAR - 1, OLD_YEAR - 2, "つばめ町の概要", null), Map.of(),
          "jimukyoku");
      reports.approve(OLD_TOWN, OLD_YEAR, "honbu");
      reports.publish(OLD_TOWN, OLD_YEAR, "jimukyoku");
    }
    return reportId(OLD_TOWN, OLD_YEAR, 1);
  }

  private long reportId(String municipality, int fiscalYear, int version) {
    return jdbc.queryForObject("select id from annual_report where municipality_code = ? and fiscal_year = ?"
        + " and version = ?", Long.class, municipality, fiscalYear, version);
  }

  private byte[] stored(long reportId, String kind) {
    return jdbc.queryForObject("select content from annual_report_file where report_id = ? and kind = ?", byte[].class,
        reportId, kind);
  }

  private HttpResponse<byte[]> get(String path, String ifNoneMatch) {
    var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    if (ifNoneMatch != null) {
      request.header("If-None-Match", ifNoneMatch);
    }
    try {
      return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}

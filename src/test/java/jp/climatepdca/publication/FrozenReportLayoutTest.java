package jp.climatepdca.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import jp.climatepdca.plan.PlanImportService;
import jp.climatepdca.plan.PlanService;
import jp.climatepdca.testing.AppTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A report frozen before the printed report got its cover, contents and charts (session 11) prints as it did:
 * its snapshot (src/test/resources/publication/frozen-report-961801-2024.json, written in the old shape, without
 * a layout) is published without stored files, as a version published before V7 is, so the page and the PDF
 * are rendered now by today's code (the JSON too, which is never stored). The page must equal, byte for byte, and the PDF page by page in text, what
 * the code before that change rendered (the files beside the snapshot, written once by that code with
 * {@code -Dfrozen.write=true}).
 */
@AppTest
class FrozenReportLayoutTest {

  static final String TOWN = "961801";
  static final int YEAR = 2024;
  private static final String BASE = "publication/frozen-report-" + TOWN + "-" + YEAR;

  @LocalServerPort
  int port;

  @Autowired
  PlanService plan;

  @Autowired
  PlanImportService importer;

  @Autowired
  JdbcTemplate db;

  @Test
  void theOldSnapshotRendersThePageAndThePdfAsBefore() throws Exception {
    ensure(plan, importer, db);
    var page = get("/public/" + TOWN + "/" + YEAR);
    var pdf = pages(get("/public/" + TOWN + "/" + YEAR + "/report.pdf"));
    var csv = get("/public/" + TOWN + "/" + YEAR + "/measures.csv");
    var json = get("/public/" + TOWN + "/" + YEAR + "/report.json");
    if (Boolean.getBoolean("frozen.write")) {
      var dir = Path.of("src/test/resources", BASE).getParent();
      Files.write(dir.resolve(Path.of(BASE).getFileName() + ".html"), page);
      Files.writeString(dir.resolve(Path.of(BASE).getFileName() + ".pdf.txt"), pdf, StandardCharsets.UTF_8);
      Files.write(dir.resolve(Path.of(BASE).getFileName() + ".measures.csv"), csv);
      Files.write(dir.resolve(Path.of(BASE).getFileName() + ".report.json"), json);
    }
    assertThat(new String(page, StandardCharsets.UTF_8))
        .isEqualTo(new ClassPathResource(BASE + ".html").getContentAsString(StandardCharsets.UTF_8));
    assertThat(pdf).isEqualTo(new ClassPathResource(BASE + ".pdf.txt").getContentAsString(StandardCharsets.UTF_8));
    assertThat(csv).isEqualTo(new ClassPathResource(BASE + ".measures.csv").getContentAsByteArray());
    assertThat(new String(json, StandardCharsets.UTF_8))
        .isEqualTo(new ClassPathResource(BASE + ".report.json").getContentAsString(StandardCharsets.UTF_8));
  }

  /** The frozen report published, once in the shared context (the phone test reads its page too). */
  static synchronized void ensure(PlanService plan, PlanImportService importer, JdbcTemplate db) throws IOException {
    if (plan.findMunicipality(TOWN).isPresent()) {
      return;
    }
    PublishedTown.load(importer, TOWN, "ひのき町");
    var snapshot = new ClassPathResource(BASE + ".json").getContentAsString(StandardCharsets.UTF_8);
    db.update("insert into annual_report (municipality_code, fiscal_year, version, status, summary, content,"
        + " prepared_by, prepared_at, approved_by, approved_at, published_by, published_at)"
        + " values (?, ?, 1, 'PUBLISHED', ?, ?, 'jimukyoku', ?, 'honbu', ?, 'jimukyoku', ?)", TOWN, YEAR,
        "ひのき町の2023年度の取組", snapshot, Timestamp.from(Instant.parse("2024-11-20T01:00:00Z")),
        Timestamp.from(Instant.parse("2024-11-25T01:00:00Z")), Timestamp.from(Instant.parse("2024-12-01T01:00:00Z")));
  }

  /** The PDF's text, page by page, with a marker between pages: the same layout breaks pages at the same places. */
  private static String pages(byte[] bytes) throws IOException {
    try (var pdf = Loader.loadPDF(bytes)) {
      var out = new ArrayList<String>();
      for (int p = 1; p <= pdf.getNumberOfPages(); p++) {
        var stripper = new PDFTextStripper();
        stripper.setStartPage(p);
        stripper.setEndPage(p);
        out.add(stripper.getText(pdf));
      }
      return String.join("\n==== page ====\n", out);
    }
  }

  private byte[] get(String path) throws IOException, InterruptedException {
    var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    return response.body();
  }
}

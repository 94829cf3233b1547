package jp.climatepdca.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import jp.climatepdca.testing.AppTest;
import jp.climatepdca.testing.Http;
import jp.climatepdca.testing.TasklistClient;
import org.apache.pdfbox.Loader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * 公表の承認 shows the report as it will be published. すぎ町 (961802) prepares its report of 2026 through the
 * task; the preview and the draft PDF are there for its headquarters, its secretariat and an administrator,
 * and for nobody else (its department, its committee, the neighbouring town's secretariat and headquarters,
 * no login); never cached. Approved and published through the tasks, the public page is the preview without
 * the draft's marks, and the preview is gone.
 */
@AppTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DraftPreviewTest {

  static final String TOWN = "961802";
  static final String NEIGHBOUR = "961803";
  static final int YEAR = 2026;
  static final String DRAFT = "/api/reports/" + TOWN + "/" + YEAR + "/draft";

  @LocalServerPort
  int port;

  @Autowired
  ApplicationContext context;

  private String preview;
  private byte[] draftPdf;

  @BeforeAll
  void prepared() {
    ReadableTown.ensure(context, port, TOWN, "すぎ町", YEAR);
    ReadableTown.ensure(context, port, NEIGHBOUR, "もみじ町", YEAR);
    ReadableTown.prepared(context, TOWN, YEAR);
  }

  @Test
  @Order(1)
  void onlyThoseWhoMaySeeTheDraftSeeIt() throws Exception {
    for (var user : List.of(TOWN + "-honbu", TOWN + "-jimukyoku", "demo")) {
      for (var path : List.of(DRAFT, DRAFT + "/report.pdf", DRAFT + "/measures.csv", DRAFT + "/report.json")) {
        var response = get(path, user);
        assertThat(response.statusCode()).as(user + " " + path).isEqualTo(200);
        // private to the person, kept by no cache, indexed by no search engine
        assertThat(response.headers().firstValue("Cache-Control").orElse("")).as(path).contains("no-store")
            .contains("private").doesNotContain("public");
        assertThat(response.headers().firstValue("X-Robots-Tag").orElse("")).as(path).contains("noindex");
      }
    }
    // the town's department and committee, the neighbouring town's secretariat and headquarters
    for (var user : List.of(TOWN + "-kankyo-staff", TOWN + "-iinkai", NEIGHBOUR + "-jimukyoku", NEIGHBOUR + "-honbu")) {
      for (var path : List.of(DRAFT, DRAFT + "/report.pdf", DRAFT + "/emissions.csv", DRAFT + "/report.json")) {
        var response = get(path, user);
        assertThat(response.statusCode()).as(user + " " + path).isEqualTo(403);
        assertThat(text(response)).as(user + " " + path).contains("この操作を行う権限がありません")
            .doesNotContain("すぎ町");
      }
    }
    for (var path : List.of(DRAFT, DRAFT + "/report.pdf")) {
      var anonymous = get(path, null);
      assertThat(anonymous.statusCode()).as(path).isEqualTo(401);
      assertThat(text(anonymous)).doesNotContain("すぎ町");
    }
    // a year with nothing on its way, a malformed year, a town that does not exist
    Http.as(port, TOWN + "-honbu").get("/api/reports/" + TOWN + "/2030/draft").assertProblem(404, "公表前の版はありません");
    assertThat(Http.as(port, TOWN + "-honbu").get("/api/reports/" + TOWN + "/20x6/draft").status()).isEqualTo(400);
    Http.as(port, TOWN + "-honbu").get("/api/reports/" + NEIGHBOUR + "/" + YEAR + "/draft").assertProblem(403);
    // the public does not see it
    assertThat(get("/public/" + TOWN + "/" + YEAR, null).statusCode()).isEqualTo(404);
    assertThat(get("/public/" + TOWN + "/" + YEAR + "/report.pdf", null).statusCode()).isEqualTo(404);
  }

  @Test
  @Order(2)
  void thePreviewIsThePublicPageMarkedAsADraft() throws Exception {
    var response = get(DRAFT, TOWN + "-honbu");
    preview = text(response);
    assertThat(response.headers().firstValue("Content-Security-Policy").orElse("")).contains("script-src 'self'");
    assertThat(preview).contains("<title>【下書き・未公表】すぎ町 年次報告書 2026年度（令和8年度）</title>",
        "id=\"draft-banner\"", "第1版　下書き・未公表</p>", "href=\"" + DRAFT + "/report.pdf\"",
        "地域の脱炭素化に向けた住宅・建築物の省エネルギー性能の向上と再生可能エネルギー設備の導入支援事業（その12）",
        "説明会を年4回に増やし", "環境部 環境政策課ゼロカーボン推進室", "id=\"chart-trend\"");
    draftPdf = get(DRAFT + "/report.pdf", TOWN + "-honbu").body();
    try (var pdf = Loader.loadPDF(draftPdf)) {
      var pages = ReportBookPdfTest.pages(pdf);
      assertThat(pages.get(0)).contains("すぎ町", "地球温暖化対策実行計画（2021〜2030年度）", "年次報告書", "下書き・未公表");
      assertThat(pages.get(1)).contains("目次");
    }
  }

  @Test
  @Order(3)
  void approvedAndPublishedThePublicPageIsThePreview() throws Exception {
    var key = ReadableTown.businessKey(TOWN, YEAR);
    var headquarters = new TasklistClient(port, TOWN + "-honbu");
    var approval = headquarters.claim(key, AnnualReportPublicationProcess.TASK_APPROVE_PUBLICATION);
    var form = headquarters.form(approval);
    // the form links to the preview and the draft PDF of its own town and year, at Tasklist's door (DraftPreviewInSessionTest)
    assertThat(form.get("previewLink").asText()).isEqualTo("/camunda/api/climate-pdca/report-drafts/" + TOWN + "/" + YEAR);
    assertThat(form.get("draftPdfLink").asText()).isEqualTo("/camunda/api/climate-pdca/report-drafts/" + TOWN + "/" + YEAR + "/report.pdf");
    headquarters.complete(approval, Map.of("decision", "APPROVE", "comment", ""));
    // approved and not yet published: the secretariat's 公表 still previews it
    assertThat(get(DRAFT, TOWN + "-jimukyoku").statusCode()).isEqualTo(200);
    var secretariat = new TasklistClient(port, TOWN + "-jimukyoku");
    secretariat.complete(secretariat.claim(key, AnnualReportPublicationProcess.TASK_PUBLISH_REPORT),
        Map.of("decision", "APPROVE", "comment", ""));

    var published = text(get("/public/" + TOWN + "/" + YEAR, null));
    var publishedOn = published.substring(published.indexOf("第1版　") + 4, published.indexOf(" 公表</p>"));
    assertThat(publishedOn).matches("\\d{4}年\\d{1,2}月\\d{1,2}日");
    // what differs is only what publication decides: the marks of the draft, the date, where the files are
    var expected = preview.replace("【下書き・未公表】", "")
        .replaceFirst("<main><div class=\"draft-banner\" id=\"draft-banner\">.*?</div>\n", "<main>\n")
        .replace("第1版　下書き・未公表</p>", "第1版　" + publishedOn + " 公表</p>")
        .replace("<td>下書き・未公表</td>", "<td>" + publishedOn + "</td>")
        .replace(DRAFT, "/public/" + TOWN + "/" + YEAR);
    assertThat(published).isEqualTo(expected);
    assertThat(published).doesNotContain("下書き");

    // the published PDF is the draft's, page for page, without the draft's marks
    try (var draft = Loader.loadPDF(draftPdf);
        var pdf = Loader.loadPDF(get("/public/" + TOWN + "/" + YEAR + "/report.pdf", null).body())) {
      var before = ReportBookPdfTest.pages(draft);
      var after = ReportBookPdfTest.pages(pdf);
      assertThat(after).hasSameSizeAs(before);
      for (int p = 0; p < after.size(); p++) {
        // PDFBox writes the ideographic space as another space character: every space compared as one
        assertThat(spaces(after.get(p))).as("page " + (p + 1)).doesNotContain("下書き")
            .isEqualTo(spaces(before.get(p)).replace("下書き・未公表 公表の承認のための確認用です\n", "")
                .replace("第1版 下書き・未公表", "第1版 " + publishedOn + " 公表").replace("下書き・未公表\n", ""));
      }
    }
    // nothing is on its way any more
    Http.as(port, TOWN + "-honbu").get(DRAFT).assertProblem(404);
  }

  private HttpResponse<byte[]> get(String path, String user) throws IOException, InterruptedException {
    var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
    if (user != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + Http.PASSWORD)
          .getBytes(StandardCharsets.UTF_8)));
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static String spaces(String text) {
    return text.replaceAll("\\p{Z}", " ");
  }

  private static String text(HttpResponse<byte[]> response) {
    return new String(response.body(), StandardCharsets.UTF_8);
  }
}

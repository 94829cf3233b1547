package jp.climatepdca.publication;

import static jp.climatepdca.publication.PublishedTown.CODE;
import static jp.climatepdca.publication.PublishedTown.DRAFT_YEAR;
import static jp.climatepdca.publication.PublishedTown.IMG;
import static jp.climatepdca.publication.PublishedTown.SCRIPT;
import static jp.climatepdca.publication.PublishedTown.UNPUBLISHED;
import static jp.climatepdca.publication.PublishedTown.YEAR;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.climatepdca.assessment.AssessmentInput;
import jp.climatepdca.assessment.Progress;
import jp.climatepdca.assessment.SelfAssessmentService;
import jp.climatepdca.evaluation.EvaluationService;
import jp.climatepdca.plan.PlanImportService;
import jp.climatepdca.plan.PlanService;
import jp.climatepdca.publication.ReportSnapshot.ReportRequest;
import jp.climatepdca.testing.AppTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The public pages and downloads, without login: what is published is there (in Japanese, as PDF with an
 * embedded font, Excel-ready CSV and JSON), what is not is a 404 at every URL, published versions never
 * change, a correction is a new version, and a department's markup stays text.
 */
@AppTest
class PublicReportTest {

  private static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

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
  ObjectMapper json;

  @BeforeEach
  void town() {
    PublishedTown.ensure(port, plan, importer, assessments, evaluations, reports);
  }

  @Test
  void thePublishedReportIsAPageInJapaneseWithoutLogin() {
    var page = get("/public/" + CODE + "/" + YEAR);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    assertThat(page.headers().firstValue("Content-Security-Policy").orElse("")).contains("script-src 'self'");
    assertThat(text(page)).contains("あおば町", "2026年度（令和8年度）", "2025年度（令和7年度）の取組の点検・評価",
        "あおば町の2025年度の取組は概ね順調でした。", "説明会を年4回に増やします", "周知の方法を工夫すること",
        "推進本部として妥当と評価する。", "2024年度（令和6年度）の排出量は 7,500.0 t-CO2（基準年度 2013年度比 -6.3%）", "運輸部門",
        "/webjars/chart.js/dist/chart.umd.js", "chart-trend", "chart-sectors", "chart-progress", "chart-indicators",
        // the indicators feature's grades and the plan's target path, frozen with the report
        "住宅用太陽光の補助件数（累計）", "順調", "1人1日あたりごみ排出量", "遅れ", "2030年度 46%削減（2013年度比）",
        "目標の経路を上回る排出");
    assertThat(get("/webjars/chart.js/dist/chart.umd.js").statusCode()).isEqualTo(200);
    assertThat(get("/public-assets/charts.js").statusCode()).isEqualTo(200);
    assertThat(text(get("/public"))).contains("あおば町").doesNotContain("わかば村");
    assertThat(text(get("/public/" + CODE))).contains("2026年度（令和8年度）").doesNotContain("2027年度");
    assertThat(text(get("/public/" + CODE + "/compare"))).contains("年度比較", "家庭部門", "2,500", "chart-compare");
  }

  @Test
  void aDepartmentsMarkupIsTextOnThePageInThePdfAndInTheCsv() throws IOException {
    var html = text(get("/public/" + CODE + "/" + YEAR));
    assertThat(html).doesNotContain(SCRIPT).doesNotContain("<img src=x")
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;", "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
    assertThat(flat(pdfText("/public/" + CODE + "/" + YEAR + "/report.pdf"))).contains(flat(SCRIPT), flat(IMG));
    assertThat(new String(get("/public/" + CODE + "/" + YEAR + "/measures.csv").body(), StandardCharsets.UTF_8))
        .contains("\"太陽光発電の補助を120件実施した " + SCRIPT + "\"");
  }

  @Test
  void thePdfEmbedsAJapaneseFontAndItsTextCanBeExtracted() throws IOException {
    var response = get("/public/" + CODE + "/" + YEAR + "/report.pdf");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/pdf");
    try (PDDocument pdf = Loader.loadPDF(response.body())) {
      // table cells wrap lines: compare without white space
      var text = flat(new PDFTextStripper().getText(pdf));
      assertThat(text).contains(flat("あおば町 地球温暖化対策実行計画 年次報告書"), "2026年度（令和8年度）", "温室効果ガス排出量",
          "住宅用太陽光発電の補助", "周知の方法を工夫すること", "説明会を年4回に増やします", "2013年度比-6.3%", "市民への分かりやすい公表に努めること",
          "住宅用太陽光の補助件数（累計）", "2050年度実質ゼロ");
      var fonts = new ArrayList<String>();
      for (var page : pdf.getPages()) {
        for (var name : page.getResources().getFontNames()) {
          var font = page.getResources().getFont(name);
          assertThat(font.isEmbedded()).as(font.getName()).isTrue();
          fonts.add(font.getName());
        }
      }
      assertThat(fonts).anySatisfy(name -> assertThat(name).contains("IPAexGothic"));
      // evidence to look at: the PDF and its first page as a picture
      var evidence = java.nio.file.Path.of("target", "browser");
      java.nio.file.Files.createDirectories(evidence);
      java.nio.file.Files.write(evidence.resolve("public-report.pdf"), response.body());
      javax.imageio.ImageIO.write(new org.apache.pdfbox.rendering.PDFRenderer(pdf).renderImageWithDPI(0, 80),
          "png", evidence.resolve("public-report-pdf-1.png").toFile());
    }
  }

  @Test
  void csvOpensInJapaneseExcelAndJsonHoldsTheSnapshot() throws IOException {
    var csv = get("/public/" + CODE + "/" + YEAR + "/emissions.csv");
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv").contains("UTF-8");
    assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).contains("attachment");
    var bytes = csv.body();
    assertThat(bytes[0]).isEqualTo((byte) 0xEF);
    assertThat(bytes[1]).isEqualTo((byte) 0xBB);
    assertThat(bytes[2]).isEqualTo((byte) 0xBF);
    var text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    assertThat(text).startsWith("\"年度\",\"部門\",\"排出量（t-CO2）\"\r\n")
        .contains("2013,\"家庭部門\",3000", "2024,\"運輸部門\",1000", "2024,\"合計\",7500");
    assertThat(text.replace("\r\n", "")).doesNotContain("\n");

    var indicators = new String(get("/public/" + CODE + "/" + YEAR + "/indicators.csv").body(), StandardCharsets.UTF_8);
    assertThat(indicators).contains("\"SOLAR\",\"住宅用太陽光の補助件数（累計）\",\"件\",2020,100", "\"順調\"", "\"遅れ\"");
    var measures = new String(get("/public/" + CODE + "/" + YEAR + "/measures.csv").body(), StandardCharsets.UTF_8);
    // a text Excel would run as a formula stays text
    assertThat(measures).contains("\"施策コード\"", "\"遅れ\"");

    var body = json.readTree(get("/public/" + CODE + "/" + YEAR + "/report.json").body());
    assertThat(body.path("report").path("municipalityName").asText()).isEqualTo("あおば町");
    assertThat(body.path("report").path("emissions").path("trend")).hasSize(2);
    assertThat(body.path("report").path("opinions").get(0).path("response").asText()).isEqualTo("説明会を年4回に増やします");
  }

  /** Every public URL, for everything that is not a published version: the same 404, no data. */
  @Test
  void everyPublicUrlAnswers404ForWhatIsNotPublished() {
    var suffixes = List.of("", "/report.pdf", "/report.json", "/measures.csv", "/emissions.csv", "/indicators.csv");
    var notFound = new ArrayList<String>();
    for (var base : List.of("/public/" + CODE + "/" + DRAFT_YEAR, "/public/" + CODE + "/" + (YEAR - 1),
        "/public/" + CODE + "/2100", "/public/" + UNPUBLISHED + "/" + YEAR, "/public/999998/" + YEAR,
        "/public/" + CODE + "/" + DRAFT_YEAR + "/versions/1", "/public/" + CODE + "/" + YEAR + "/versions/99",
        "/public/" + CODE + "/" + YEAR + "/versions/0", "/public/" + CODE + "/" + YEAR + "/versions/-1",
        "/public/" + CODE + "/" + YEAR + "/versions/abc", "/public/" + CODE + "/" + YEAR + "/versions/1.0",
        "/public/" + CODE + "/2026abc", "/public/" + CODE + "/0" + YEAR, "/public/%3Cscript%3E/" + YEAR,
        "/public/" + CODE + "%2F..%2F" + UNPUBLISHED + "/" + YEAR)) {
      for (var suffix : suffixes) {
        notFound.add(base + suffix);
      }
    }
    notFound.addAll(List.of("/public/" + UNPUBLISHED, "/public/" + UNPUBLISHED + "/compare", "/public/999998",
        "/public/" + CODE + "/" + YEAR + "/assessments", "/public/" + CODE + "/" + YEAR + "/versions",
        "/public/" + CODE + "/" + YEAR + "/draft", "/public/" + CODE + "/" + YEAR + "/report.xml"));
    for (var path : notFound) {
      var response = get(path);
      assertThat(response.statusCode()).as(path).isIn(400, 404);
      var body = new String(response.body(), StandardCharsets.UTF_8);
      assertThat(body).as(path).doesNotContain("未公表の下書き", "対応1", "省エネ診断を10件", "わかば村");
      // nor a stored file's fingerprint, nor leave to keep the answer
      assertThat(response.headers().firstValue("ETag")).as(path).isEmpty();
      assertThat(response.headers().firstValue("Cache-Control").orElse("")).as(path).doesNotContain("public");
    }
    // what a guesser gets is a 404 (never a hint that the year exists)
    assertThat(get("/public/" + CODE + "/" + DRAFT_YEAR).statusCode()).isEqualTo(404);
    assertThat(get("/public/" + CODE + "/" + DRAFT_YEAR + "/report.pdf").statusCode()).isEqualTo(404);
    assertThat(get("/public/" + UNPUBLISHED + "/" + YEAR).statusCode()).isEqualTo(404);
    // nothing but reading
    assertThat(send("POST", "/public/" + CODE + "/" + YEAR).statusCode()).isIn(401, 403, 405);
    assertThat(send("DELETE", "/public/" + CODE + "/" + YEAR).statusCode()).isIn(401, 403, 405);
  }

  /**
   * Edits after publication leave the published version as it was; a correction is published as version 2
   * with its note, and version 1 stays reachable, unchanged.
   */
  @Test
  void publishedVersionsNeverChangeAndACorrectionIsANewVersion() {
    var before = text(get("/public/" + CODE + "/" + YEAR + "/versions/1"));
    assertThat(before).contains("事業者への周知不足");
    assessments.save(CODE, YEAR, "kankyo", List.of(new AssessmentInput("A-02", Progress.ON_TRACK,
        "公表後に書き換えた実績", "公表後に書き換えた課題", null)), "aoba-staff");
    evaluations.saveHeadquartersEvaluation(CODE, YEAR, "公表後に書き換えた庁内評価");
    var after = text(get("/public/" + CODE + "/" + YEAR + "/versions/1"));
    assertThat(after).isEqualTo(before).doesNotContain("公表後に書き換えた");

    if (!reports.published(CODE, YEAR, 2).isPresent()) {
      var opinions = evaluations.opinions(CODE, YEAR);
      reports.prepare(new ReportRequest(CODE, YEAR, YEAR - 1, YEAR - 2, "訂正後の概要",
          "A-02の取組実績と推進本部の評価を訂正しました"), Map.of(opinions.get(0).id(), "説明会を年4回に増やします",
          opinions.get(1).id(), "公表ページを改善します"), "jimukyoku");
      assertThat(get("/public/" + CODE + "/" + YEAR + "/versions/2").statusCode()).isEqualTo(404);
      reports.approve(CODE, YEAR, "honbu");
      reports.publish(CODE, YEAR, "jimukyoku");
    }
    var latest = text(get("/public/" + CODE + "/" + YEAR));
    assertThat(latest).contains("第2版", "訂正の内容", "A-02の取組実績と推進本部の評価を訂正しました", "公表後に書き換えた実績",
        "第1版", "（初版）");
    var first = text(get("/public/" + CODE + "/" + YEAR + "/versions/1"));
    assertThat(first).contains("これは過去の版です", "事業者への周知不足").doesNotContain("公表後に書き換えた");
    assertThat(pdfText("/public/" + CODE + "/" + YEAR + "/versions/1/report.pdf")).contains("第1版")
        .doesNotContain("公表後に書き換えた");
  }

  private String pdfText(String path) {
    try (PDDocument pdf = Loader.loadPDF(get(path).body())) {
      return new PDFTextStripper().getText(pdf);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String flat(String text) {
    return text.replaceAll("\\s+", "");
  }

  private static String text(HttpResponse<byte[]> response) {
    return new String(response.body(), StandardCharsets.UTF_8);
  }

  private HttpResponse<byte[]> get(String path) {
    return send("GET", path);
  }

  private HttpResponse<byte[]> send(String method, String path) {
    try {
      return CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
          .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}

package jp.climatepdca.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.climatepdca.evaluation.EvaluationService;
import jp.climatepdca.evaluation.EvaluationService.OpinionInput;
import jp.climatepdca.testing.AppTest;
import jp.climatepdca.testing.Http;
import jp.climatepdca.testing.TasklistClient;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Seed 004 (川崎市): the 環境審議会's opinions on FY2027's report, heard after it was published, are answered by
 * FY2028's secretariat in 年次報告書の作成, kept in prior_opinion_response, and listed with their responses in
 * FY2028's report: public page, PDF, JSON and CSV. A response left out, too long, or written against another
 * opinion is refused in Japanese with nothing kept; an opinion recorded after the draft was frozen stops the
 * approval until the draft answers it. Towns 963801 and 963802.
 */
@AppTest
class PriorOpinionResponsesTest {

  static final int YEAR = 2028;
  static final String ANSWER_PLAN = "広報紙と説明会で周知を強化し、参加者数を次年度の報告書で示します。";
  static final String ANSWER_KW02 = "連携事業の削減量を指標に加え、毎年度公表します。";

  @LocalServerPort
  int port;

  @Autowired
  ApplicationContext context;

  @Autowired
  JdbcTemplate db;

  @Autowired
  EvaluationService evaluations;

  @Test
  void lastYearsCouncilOpinionsAreAnsweredAndListedInTheNextReport() throws IOException {
    var code = "963801";
    KawasakiTown.ensure(context, code);
    var key = KawasakiTown.publication(context, code, YEAR);
    var secretariat = new TasklistClient(port, code + "-jimukyoku");
    var task = secretariat.claim(key, AnnualReportPublicationProcess.TASK_PREPARE_REPORT);
    var form = secretariat.form(task);
    assertThat(form.get("priorOpinionsTitle").asText()).isEqualTo("2027年度の年次報告書に対する環境審議会の意見（公表後に聴取したもの）");
    var rows = TasklistClient.rows(form.get("priorResponses"));
    assertThat(rows).extracting(r -> r.get("measureCode"), r -> r.get("opinion"), r -> r.get("response"))
        .containsExactly(tuple("全体", KawasakiTown.ON_THE_PLAN, ""), tuple("KW-02", KawasakiTown.ON_KW02, ""));
    assertThat(TasklistClient.rows(form.get("responses"))).isEmpty();
    rows.get(0).put("response", ANSWER_PLAN);
    rows.get(1).put("response", ANSWER_KW02);
    secretariat.complete(task, Map.of("summary", "2028年度の年次報告書", "changeNote", "", "responses", List.of(),
        "priorResponses", rows));
    assertThat(db.queryForList("select r.response from prior_opinion_response r join committee_opinion o"
        + " on o.id = r.opinion_id where r.municipality_code = ? and r.fiscal_year = ? and o.fiscal_year = 2027"
        + " order by o.id", String.class, code, YEAR)).containsExactly(ANSWER_PLAN, ANSWER_KW02);
    approveAndPublish(code, key);

    var base = "/public/" + code + "/" + YEAR;
    var page = Http.anonymous(port).get(base);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("2027年度（令和9年度）の年次報告書に対する環境審議会の意見と対応方針",
        KawasakiTown.ON_THE_PLAN, ANSWER_PLAN, KawasakiTown.ON_KW02, ANSWER_KW02, "計画全体", "KW-02 ",
        base + "/prior-opinions.csv\">CSV（前年度の意見と対応方針）");

    var json = new ObjectMapper().readTree(Http.anonymous(port).get(base + "/report.json").body());
    var prior = json.get("report").get("priorOpinions");
    assertThat(prior).hasSize(2);
    assertThat(prior.get(0).get("fiscalYear").asInt()).isEqualTo(2027);
    assertThat(prior.get(0).get("committee").asText()).isEqualTo("環境審議会");
    assertThat(prior.get(0).get("measureCode").isNull()).isTrue();
    assertThat(prior.get(0).get("opinion").asText()).isEqualTo(KawasakiTown.ON_THE_PLAN);
    assertThat(prior.get(0).get("response").asText()).isEqualTo(ANSWER_PLAN);
    assertThat(prior.get(1).get("measureCode").asText()).isEqualTo("KW-02");
    assertThat(prior.get(1).get("response").asText()).isEqualTo(ANSWER_KW02);

    var csv = Http.anonymous(port).download(base + "/prior-opinions.csv");
    assertThat(csv.status()).isEqualTo(200);
    assertThat(new String(csv.body(), StandardCharsets.UTF_8)).isEqualTo("\uFEFF\"意見の年度\",\"委員会\",\"対象施策コード\","
        + "\"対象施策名\",\"意見\",\"対応方針\"\r\n2027,\"環境審議会\",\"全体\",,\"" + KawasakiTown.ON_THE_PLAN + "\",\""
        + ANSWER_PLAN + "\"\r\n2027,\"環境審議会\",\"KW-02\",\"" + measureName(json, "KW-02") + "\",\""
        + KawasakiTown.ON_KW02 + "\",\"" + ANSWER_KW02 + "\"\r\n");

    var pdf = Http.anonymous(port).download(base + "/report.pdf");
    assertThat(pdf.status()).isEqualTo(200);
    try (var document = Loader.loadPDF(pdf.body())) {
      var text = new PDFTextStripper().getText(document).replaceAll("\\s+", "");
      assertThat(text).contains("前年度の年次報告書に対する意見と対応方針", // the table of contents
          "2027年度（令和9年度）の年次報告書に対する環境審議会の意見と対応方針", KawasakiTown.ON_THE_PLAN, ANSWER_PLAN,
          KawasakiTown.ON_KW02, ANSWER_KW02);
      assertThat(document.getDocumentCatalog().getDocumentOutline().children()).extracting(o -> o.getTitle())
          .contains("前年度の意見と対応方針");
    }
  }

  @Test
  void aMissingTooLongOrForeignResponseIsRefusedAndALateOpinionStopsTheApproval() throws IOException {
    var code = "963802";
    KawasakiTown.ensure(context, code);
    var key = KawasakiTown.publication(context, code, YEAR);
    var secretariat = new TasklistClient(port, code + "-jimukyoku");
    var task = secretariat.claim(key, AnnualReportPublicationProcess.TASK_PREPARE_REPORT);
    var rows = TasklistClient.rows(secretariat.form(task).get("priorResponses"));

    var missing = copy(rows);
    missing.get(0).put("response", "  ");
    missing.get(1).put("response", ANSWER_KW02);
    refused(secretariat, task, missing, "前年度の意見への対応方針: 1件目の意見（全体）への対応方針を入力してください");
    var tooLong = copy(rows);
    tooLong.get(0).put("response", "あ".repeat(4001));
    tooLong.get(1).put("response", ANSWER_KW02);
    refused(secretariat, task, tooLong, "前年度の意見への対応方針: 1件目の意見（全体）への対応方針は4000文字以内で入力してください");
    var swapped = List.of(copy(rows).get(1), copy(rows).get(0));
    swapped.forEach(r -> r.put("response", ANSWER_PLAN));
    refused(secretariat, task, swapped, "前年度の意見への対応方針: 1件目の行が2027年度の報告書に対する1件目の意見（全体）と一致しません");
    var foreign = copy(rows);
    foreign.forEach(r -> r.put("response", ANSWER_PLAN));
    foreign.get(1).put("opinionId", 1L);
    refused(secretariat, task, foreign, "2件目の行が2027年度の報告書に対する2件目の意見（KW-02）と一致しません");
    var shorter = copy(rows).subList(0, 1);
    shorter.get(0).put("response", ANSWER_PLAN);
    refused(secretariat, task, shorter, "前年度の意見への対応方針: 2027年度の年次報告書に対する委員会の意見は2件ですが、一覧は1件です");
    // the API client that sends no list at all leaves the one the form was given: every response is missing
    var none = secretariat.submit(task, Map.of("summary", "概要", "changeNote", "", "responses", List.of()), "complete");
    assertThat(none.status()).isEqualTo(400);
    assertThat(none.body()).contains("1件目の意見（全体）への対応方針を入力してください", "2件目の意見（KW-02）への対応方針を入力してください");
    assertThat(db.queryForObject("select count(*) from prior_opinion_response where municipality_code = ?", Integer.class,
        code)).isZero();
    assertThat(db.queryForObject("select count(*) from annual_report where municipality_code = ?", Integer.class, code))
        .isZero();

    rows.get(0).put("response", ANSWER_PLAN);
    rows.get(1).put("response", ANSWER_KW02);
    secretariat.complete(task, Map.of("summary", "概要", "changeNote", "", "responses", List.of(), "priorResponses", rows));
    // the council's secretary records one more opinion of its hearing after the draft was frozen
    evaluations.addOpinions(code, 2027, "hearing-" + code + "-late", code + "-iinkai",
        List.of(new OpinionInput(null, "次年度は若者の意見も聴いてください")));
    var headquarters = new TasklistClient(port, code + "-honbu");
    var approval = headquarters.claim(key, AnnualReportPublicationProcess.TASK_APPROVE_PUBLICATION);
    var refused = headquarters.submit(approval, Map.of("decision", "APPROVE", "comment", ""));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).contains("前年度の年次報告書に対する委員会の意見のうち、3件目の意見（全体）への対応方針がこの下書きにありません");
    headquarters.complete(approval, Map.of("decision", "RETURN", "comment", "追加の意見に対応してください"));

    var again = secretariat.claim(key, AnnualReportPublicationProcess.TASK_PREPARE_REPORT);
    var now = TasklistClient.rows(secretariat.form(again).get("priorResponses"));
    assertThat(now).extracting(r -> r.get("response")).containsExactly(ANSWER_PLAN, ANSWER_KW02, "");
    now.get(2).put("response", "次年度の審議会で若者の意見を聴く場を設けます。");
    secretariat.complete(again, Map.of("summary", "概要", "changeNote", "", "responses", List.of(), "priorResponses", now));
    approveAndPublish(code, key);
    assertThat(Http.anonymous(port).get("/public/" + code + "/" + YEAR).body())
        .contains("次年度は若者の意見も聴いてください", "次年度の審議会で若者の意見を聴く場を設けます。");
  }

  /** As an attacker would: another town's secretariat, no login, a response written to be run by Excel or a browser. */
  @Test
  void anotherTownCannotAnswerAndHostileTextStaysText() throws IOException {
    var code = "963805";
    KawasakiTown.ensure(context, code);
    KawasakiTown.ensure(context, "963806");
    var key = KawasakiTown.publication(context, code, YEAR);
    var secretariat = new TasklistClient(port, code + "-jimukyoku");
    var task = secretariat.claim(key, AnnualReportPublicationProcess.TASK_PREPARE_REPORT);
    var rows = TasklistClient.rows(secretariat.form(task).get("priorResponses"));
    rows.get(0).put("response", "=HYPERLINK(\"http://evil.example\",\"詳細\")");
    rows.get(1).put("response", "<script>alert(1)</script>");
    var fields = Map.<String, Object>of("summary", "概要", "changeNote", "", "responses", List.of(), "priorResponses", rows);

    var stranger = new TasklistClient(port, "963806-jimukyoku");
    assertThat(stranger.submit(task, fields).status()).isIn(403, 404);
    assertThat(stranger.submit(task, fields, "complete").status()).isIn(403, 404);
    assertThat(db.queryForObject("select count(*) from prior_opinion_response where municipality_code = ?", Integer.class,
        code)).isZero();

    secretariat.complete(task, fields);
    var draft = "/api/reports/" + code + "/" + YEAR + "/draft/prior-opinions.csv";
    assertThat(Http.as(port, code + "-jimukyoku").download(draft).status()).isEqualTo(200);
    assertThat(Http.as(port, "963806-jimukyoku").download(draft).status()).isEqualTo(403);
    assertThat(Http.anonymous(port).download("/public/" + code + "/" + YEAR + "/prior-opinions.csv").status())
        .isEqualTo(404);
    approveAndPublish(code, key);
    var csv = new String(Http.anonymous(port).download("/public/" + code + "/" + YEAR + "/prior-opinions.csv").body(),
        StandardCharsets.UTF_8);
    assertThat(csv).contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"詳細\"\")\"");
    var page = Http.anonymous(port).get("/public/" + code + "/" + YEAR).body();
    assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)");
  }

  private void refused(TasklistClient secretariat, String task, List<Map<String, Object>> rows, String message) {
    for (var door : List.of("submit-form", "complete")) {
      var response = secretariat.submit(task, Map.of("summary", "概要", "changeNote", "", "responses", List.of(),
          "priorResponses", rows), door);
      assertThat(response.status()).as(door + ": " + response).isEqualTo(400);
      assertThat(response.body()).as(door).contains(message);
    }
  }

  private void approveAndPublish(String code, String key) {
    ReadableTown.approvedAndPublished(port, code, key);
  }

  private static List<Map<String, Object>> copy(List<Map<String, Object>> rows) {
    var copy = new ArrayList<Map<String, Object>>();
    rows.forEach(r -> copy.add(new HashMap<>(r)));
    return copy;
  }

  private static String measureName(com.fasterxml.jackson.databind.JsonNode json, String code) {
    var entry = json.get("report").get("priorOpinions").get(1);
    assertThat(entry.get("measureCode").asText()).isEqualTo(code);
    assertThat(entry.get("measureName").asText()).isNotBlank();
    return entry.get("measureName").asText();
  }
}

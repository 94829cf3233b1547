package jp.climatepdca.opinion;

import static jp.climatepdca.opinion.OpinionClient.form;
import static jp.climatepdca.opinion.OpinionClient.with;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import jp.climatepdca.cycle.CycleStarter;
import jp.climatepdca.plan.PlanImportService;
import jp.climatepdca.testing.AppTest;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The public opinion form (docs/opinions.md) as a citizen and as an attacker: town 963101's cycle of 2026
 * (its plan moves checkDue, the window's default end, to 09-22), 963103's cycle ended, 963101's 2027 without
 * a cycle, 963199 unknown. "Now" is moved into and out of the window by the window's clock.
 */
@AppTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpinionFormTest {

  static final String TOWN = "963101";
  static final String ENDED_TOWN = "963103";
  static final String PAGE = "/public/opinions/" + TOWN + "/2026";
  static final String PLAN = """
      {"municipality": {"code": "%s", "name": "%s", "baseYear": 2013},
       "departments": [{"code": "kankyo", "name": "環境課"}],
       "measures": [{"code": "M-1", "department": "kankyo", "name": "家庭の省エネ診断", "sector": "HOUSEHOLD", "kind": "実施事業"},
                    {"code": "M-2", "department": "kankyo", "name": "公共施設の太陽光発電", "sector": "COMMERCIAL", "kind": "実施事業"}],
       "governance": {"schedule": {"aprilCheck": "04-01", "checkDue": "09-22"}}}
      """;
  static final String OPINION = "省エネ診断の案内を町内会の回覧板でも配ってほしいです。";

  @LocalServerPort
  int port;

  @Autowired
  OpinionWindow window;

  @Autowired
  FormToken tokens;

  @Autowired
  JdbcTemplate jdbc;

  OpinionClient client;

  @BeforeAll
  void townsWithCycles(@Autowired PlanImportService plans, @Autowired CycleStarter starter,
      @Autowired RuntimeService runtime) {
    for (var town : List.of(TOWN, ENDED_TOWN)) {
      if (!starter.isKnownMunicipality(town)) {
        plans.importPlan(new ByteArrayInputStream(PLAN.formatted(town, town.equals(TOWN) ? "さくら町" : "つばき村")
            .getBytes(StandardCharsets.UTF_8)));
        starter.start(town, 2026, "test");
      }
    }
    // the job executor may lock one of its timers meanwhile (CI: OptimisticLockingException): then again
    Awaitility.await("the ended town's cycle deleted").atMost(Duration.ofSeconds(30)).until(() -> {
      var ended = runtime.createProcessInstanceQuery().processInstanceBusinessKey(ENDED_TOWN + ":2026").singleResult();
      if (ended == null) {
        return true;
      }
      try {
        runtime.deleteProcessInstance(ended.getId(), "test: the cycle has ended");
      } catch (OptimisticLockingException e) {
        // retried
      }
      return false;
    });
  }

  @BeforeEach
  void inTheWindow() {
    client = new OpinionClient(port);
    jdbc.update("delete from public_opinion where municipality_code like '9631%'");
    at(LocalDateTime.parse("2026-06-15T10:00:00"));
  }

  @AfterEach
  void realTime() {
    window.useClock(Clock.systemUTC());
  }

  /** "Now" (Japan time) at this moment, running on from there. */
  void at(LocalDateTime japanTime) {
    var target = japanTime.atZone(OpinionWindow.JAPAN).toInstant();
    window.useClock(Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), target)));
  }

  /** A form token as the page gave it {@code secondsAgo} ago. */
  String token(String town, int year, long secondsAgo) {
    return tokens.issue(town, year, window.clock().instant().minusSeconds(secondsAgo));
  }

  String token() {
    return token(TOWN, 2026, 10);
  }

  int stored() {
    return jdbc.queryForObject("select count(*) from public_opinion where municipality_code like '9631%'", Integer.class);
  }

  @Test
  void theOpenPageShowsTheWindowTheMeasuresAndTheForm() {
    var page = client.get(PAGE);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("さくら町", "2026年4月1日（水）", "2026年9月22日（火）", "受付中",
        "家庭の省エネ診断", "公共施設の太陽光発電", "name=\"token\"", "name=\"website\"", "市民", "事業者", "団体");
    // the page may post its own form, nothing else; no session for a stranger
    assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("form-action 'self'")
        .contains("script-src 'self'");
    assertThat(page.headers().firstValue("Set-Cookie")).isEmpty();
  }

  @Test
  void aCitizenSendsAnOpinionAndGetsItsReference() {
    var answer = client.postForm(PAGE, with(with(with(form(token(), OPINION), "measureCode", "M-1"),
        "senderName", "山田 太郎"), "senderContact", "taro@example.jp"));
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    assertThat(answer.body()).contains("ご意見を受け付けました", "O-2026-0001");
    var row = jdbc.queryForMap("select * from public_opinion where municipality_code = ?", TOWN);
    assertThat(row).containsEntry("REFERENCE", "O-2026-0001").containsEntry("SENDER_KIND", "CITIZEN")
        .containsEntry("MEASURE_CODE", "M-1").containsEntry("BODY", OPINION).containsEntry("STATUS", "RECEIVED")
        .containsEntry("SENDER_NAME", "山田 太郎").containsEntry("SENDER_CONTACT", "taro@example.jp")
        .containsEntry("FISCAL_YEAR", 2026);
    // a keyed hash, never the address
    assertThat((String) row.get("CLIENT_HASH")).matches("[0-9a-f]{64}").doesNotContain("127.0.0.1");

    // the next one is numbered on; the same text again (a reload) is the first one's, not a second row
    var second = client.postForm(PAGE, with(form(token(), "事業者として、太陽光の共同購入に参加したいです。"), "senderKind", "BUSINESS"));
    assertThat(second.body()).contains("O-2026-0002");
    var again = client.postForm(PAGE, form(token(), OPINION));
    assertThat(again.body()).contains("O-2026-0001");
    assertThat(stored()).isEqualTo(2);
  }

  @Test
  void aSystemSendsJsonWithTheTokenOfFormJson() {
    var info = client.getJson(PAGE + "/form.json");
    assertThat(info.statusCode()).isEqualTo(200);
    assertThat(info.body()).contains("\"open\":true", "\"until\":\"2026-09-22\"", "\"code\":\"M-2\"", "\"token\":\"");
    var json = """
        {"senderKind": "ORGANISATION", "measureCode": "M-2", "body": "%s", "consent": true, "token": "%s"}
        """.formatted(OPINION, token());
    var created = client.post(PAGE, "application/json", json);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(created.body()).contains("\"reference\":\"O-2026-0001\"");
    // the token form.json just gave is too fresh to post: no script skips the fill time through JSON
    var fresh = info.body().replaceAll("(?s).*\"token\":\"([^\"]+)\".*", "$1");
    var tooFast = client.post(PAGE, "application/json", """
        {"senderKind": "CITIZEN", "body": "別のご意見です。よろしくお願いします。", "consent": true, "token": "%s"}
        """.formatted(fresh));
    assertThat(tooFast.statusCode()).isEqualTo(400);
    assertThat(tooFast.body()).contains(OpinionIntake.NEUTRAL);
    // unknown fields and wrong types are named, in Japanese
    var wrong = client.post(PAGE, "application/json", "{\"body\": 12, \"consent\": \"yes\", \"admin\": true, \"token\": \""
        + token() + "\"}");
    assertThat(wrong.statusCode()).isEqualTo(400);
    assertThat(wrong.body()).contains("知らない項目です", "文字列で指定してください", "true か false");
    assertThat(client.post(PAGE, "application/json", "{not json").statusCode()).isEqualTo(400);
    assertThat(stored()).isEqualTo(1);
  }

  @Test
  void beforeAndAfterTheWindowThePageSaysItIsClosedAndAPostIsRefusedWithNothingStored() {
    for (var closed : List.of("2026-03-31T23:00:00", "2026-09-23T00:30:00")) {
      at(LocalDateTime.parse(closed));
      var page = client.get(PAGE);
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).as(closed).contains("現在、この年度の意見は受け付けていません", "2026年9月22日")
          .doesNotContain("name=\"token\"", "id=\"opinion-form\"");
      var post = client.postForm(PAGE, form(token(), OPINION));
      assertThat(post.statusCode()).as(closed).isEqualTo(409);
      assertThat(post.body()).contains("受け付けていません");
      var json = client.post(PAGE, "application/json", "{\"senderKind\": \"CITIZEN\", \"body\": \"" + OPINION
          + "\", \"consent\": true, \"token\": \"" + token() + "\"}");
      assertThat(json.statusCode()).isEqualTo(409);
      assertThat(json.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
    }
    // the last day is included
    at(LocalDateTime.parse("2026-09-22T23:30:00"));
    assertThat(client.postForm(PAGE, form(token(), OPINION)).statusCode()).isEqualTo(200);
    assertThat(stored()).isEqualTo(1);
  }

  @Test
  void aCycleThatEndedTakesNoOpinions() {
    var page = client.get("/public/opinions/" + ENDED_TOWN + "/2026");
    assertThat(page.body()).contains("この年度の進行管理は終了しました");
    var post = client.postForm("/public/opinions/" + ENDED_TOWN + "/2026", form(token(ENDED_TOWN, 2026, 10), OPINION));
    assertThat(post.statusCode()).isEqualTo(409);
    assertThat(stored()).isZero();
  }

  @Test
  void anUnknownTownOrAYearWithoutACycleIsAJapanese404() {
    for (var path : List.of("/public/opinions/963199/2026", "/public/opinions/" + TOWN + "/2027",
        "/public/opinions/" + TOWN + "/26", "/public/opinions/%3Cscript%3E/2026")) {
      var page = client.get(path);
      assertThat(page.statusCode()).as(path).isEqualTo(404);
      assertThat(page.body()).as(path).contains("ページが見つかりません").doesNotContain("<script>");
      var post = client.postForm(path, form(token(), OPINION));
      assertThat(post.statusCode()).as(path).isEqualTo(404);
    }
    // the JSON's title in Japanese too (it said "Not Found", tried by hand)
    assertThat(client.getJson("/public/opinions/963199/2026/form.json").body())
        .contains("\"title\":\"見つかりません\"", "意見を募集している年度ではありません");
    assertThat(stored()).isZero();
  }

  @Test
  void fieldsOutsideTheirLimitsAreNamedInJapaneseAndNothingIsStored() {
    Map<String, Map<String, String>> cases = Map.of(
        "10文字以上", form(token(), "短すぎる意見です"),
        "2000文字以内", form(token(), "あ".repeat(2001)),
        "お名前は100文字以内", with(form(token(), OPINION), "senderName", "名".repeat(101)),
        "連絡先は200文字以内", with(form(token(), OPINION), "senderContact", "a".repeat(201)),
        "「市民」「事業者」「団体」", with(form(token(), OPINION), "senderKind", "ADMIN"),
        "この年度の計画にありません", with(form(token(), OPINION), "measureCode", "M-99"),
        "公表されることへの同意", with(form(token(), OPINION), "consent", null),
        "URL（リンク）は2件まで", form(token(), "安い http://a.example https://b.example www.c.example 今すぐ"),
        "制御文字", form(token(), "意見です\u0000よろしくお願いします"));
    cases.forEach((message, fields) -> {
      var answer = client.postForm(PAGE, fields);
      assertThat(answer.statusCode()).as(message).isEqualTo(400);
      assertThat(answer.body()).as(message).contains(message, "入力内容を確認してください", "name=\"token\"");
    });
    // exactly 10 and exactly 2,000 characters are taken
    assertThat(client.postForm(PAGE, form(token(), "ちょうど十文字の意見")).statusCode()).isEqualTo(200);
    assertThat(client.postForm(PAGE, form(token(), "い".repeat(2000))).statusCode()).isEqualTo(200);
    assertThat(stored()).isEqualTo(2);
  }

  @Test
  void scriptsAreRefusedWithANeutralMessageAndTokensMustBeOurs() {
    var honeypot = client.postForm(PAGE, with(form(token(), OPINION), "website", "http://spam.example"));
    var tooFast = client.postForm(PAGE, form(token(TOWN, 2026, 1), OPINION));
    for (var answer : List.of(honeypot, tooFast)) {
      assertThat(answer.statusCode()).isEqualTo(400);
      assertThat(answer.body()).contains(OpinionIntake.NEUTRAL);
    }
    var good = token();
    var forgedSignature = good.substring(0, good.length() - 1) + (good.endsWith("0") ? "1" : "0");
    for (var bad : List.of("", "abc", forgedSignature, token(TOWN, 2025, 10), token(ENDED_TOWN, 2026, 10),
        good.substring(0, good.indexOf('.')) + "." + "0".repeat(64))) {
      var answer = client.postForm(PAGE, form(bad, OPINION));
      assertThat(answer.statusCode()).as(bad).isEqualTo(400);
      assertThat(answer.body()).contains("フォームの確認情報が正しくありません");
    }
    var missing = client.postForm(PAGE, with(form("x", OPINION), "token", null));
    assertThat(missing.body()).contains("フォームの確認情報が正しくありません");
    var expired = client.postForm(PAGE, form(token(TOWN, 2026, 3 * 3600), OPINION));
    assertThat(expired.statusCode()).isEqualTo(400);
    assertThat(expired.body()).contains("時間がたちすぎました");
    assertThat(stored()).isZero();
  }

  @Test
  void otherBodiesAndMethodsAreRefused() {
    var plain = client.post(PAGE, "text/plain", "body=" + OPINION);
    assertThat(plain.statusCode()).isEqualTo(415);
    assertThat(plain.body()).contains("送信の形式が正しくありません");
    assertThat(client.post(PAGE, null, "").statusCode()).isEqualTo(415);
    assertThat(client.post(PAGE, "multipart/form-data; boundary=x", "--x--").statusCode()).isEqualTo(415);
    // only the form's own address takes a post; nothing else under /public opens
    assertThat(client.send("PUT", PAGE).statusCode()).isEqualTo(403);
    assertThat(client.send("DELETE", PAGE).statusCode()).isEqualTo(403);
    assertThat(client.post(PAGE + "/form.json", "application/json", "{}").statusCode()).isEqualTo(403);
    assertThat(client.post("/public/" + TOWN + "/2026", "application/x-www-form-urlencoded", "a=b").statusCode())
        .isEqualTo(403);
    assertThat(stored()).isZero();
  }

  @Test
  void aScriptInTheBodyIsShownAsText() {
    var attack = "<script>alert('x')</script><img src=x onerror=alert(1)> 意見です";
    var refused = client.postForm(PAGE, with(form(token(), attack), "consent", null));
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&lt;img")
        .doesNotContain("<script>alert", "<img src=x");
    var taken = client.postForm(PAGE, form(token(), attack));
    assertThat(taken.statusCode()).isEqualTo(200);
    assertThat(jdbc.queryForObject("select body from public_opinion where municipality_code = ?", String.class, TOWN))
        .isEqualTo(attack);
  }
}

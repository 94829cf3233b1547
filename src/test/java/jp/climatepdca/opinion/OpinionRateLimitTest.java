package jp.climatepdca.opinion;

import static jp.climatepdca.opinion.OpinionClient.form;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import jp.climatepdca.cycle.CycleStarter;
import jp.climatepdca.plan.PlanImportService;
import jp.climatepdca.testing.AppTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The hourly limit per client (docs/opinions.md), counted in public_opinion so every node sees the same count:
 * town 963111 (2026). OpinionRateLimitPostgresTest runs the same on PostgreSQL.
 */
@AppTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpinionRateLimitTest {

  static final String TOWN = "963111";
  static final String PAGE = "/public/opinions/" + TOWN + "/2026";

  @LocalServerPort
  int port;

  @Autowired
  OpinionWindow window;

  @Autowired
  FormToken tokens;

  @Autowired
  OpinionSecret secret;

  @Autowired
  OpinionSettings settings;

  @Autowired
  JdbcTemplate jdbc;

  OpinionClient client;

  @BeforeAll
  void townWithItsCycle(@Autowired PlanImportService plans, @Autowired CycleStarter starter) {
    if (!starter.isKnownMunicipality(TOWN)) {
      plans.importPlan(new ByteArrayInputStream(OpinionFormTest.PLAN.formatted(TOWN, "もみじ町")
          .getBytes(StandardCharsets.UTF_8)));
      starter.start(TOWN, 2026, "test");
    }
  }

  @BeforeEach
  void inTheWindow() {
    client = new OpinionClient(port);
    jdbc.update("delete from public_opinion where municipality_code like '9631%'");
    // an hour of its own: rows other tests store at the real time are not in it
    var target = LocalDateTime.parse("2026-07-01T10:00:00").atZone(OpinionWindow.JAPAN).toInstant();
    window.useClock(Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), target)));
  }

  @AfterEach
  void realTime() {
    window.useClock(Clock.systemUTC());
  }

  String token() {
    return tokens.issue(TOWN, 2026, window.clock().instant().minusSeconds(10));
  }

  int stored() {
    return jdbc.queryForObject("select count(*) from public_opinion where municipality_code = ?", Integer.class, TOWN);
  }

  @Test
  void aClientOverTheHourlyLimitGets429WithRetryAfterAndNothingIsStored() {
    var limit = settings.perClientPerHour();
    for (var i = 1; i <= limit; i++) {
      var answer = client.postForm(PAGE, form(token(), "意見その" + i + "：公園に植樹をお願いします。"));
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    }
    var flooded = client.postForm(PAGE, form(token(), "もう一件の意見：公園に植樹をお願いします。"));
    assertThat(flooded.statusCode()).isEqualTo(429);
    assertThat(flooded.body()).contains("受付を一時停止しています", "分後にもう一度");
    var retryAfter = Long.parseLong(flooded.headers().firstValue("Retry-After").orElseThrow());
    assertThat(retryAfter).isBetween(3500L, 3601L);
    var json = client.post(PAGE, "application/json", "{\"senderKind\": \"CITIZEN\", \"body\": \"JSONでも同じ上限です。よろしく。\","
        + " \"consent\": true, \"token\": \"" + token() + "\"}");
    assertThat(json.statusCode()).isEqualTo(429);
    assertThat(json.headers().firstValue("Retry-After")).isPresent();
    assertThat(stored()).isEqualTo(limit);
  }

  /** Rows another node stored for this client count here: the count is the table's, not this node's memory. */
  @Test
  void rowsStoredByAnotherNodeCountAndAnHourLaterTheClientMayPostAgain() {
    var hash = secret.clientHash("127.0.0.1");
    var now = window.clock().instant();
    for (var i = 1; i <= settings.perClientPerHour(); i++) {
      jdbc.update("insert into public_opinion (municipality_code, fiscal_year, reference, sender_kind, body,"
          + " received_at, client_hash) values (?, 2026, ?, 'CITIZEN', '別のノードで受け付けた意見です', ?, ?)",
          "963112", "O-2026-000" + i, Timestamp.from(now.minusSeconds(600)), hash);
    }
    try {
      var refused = client.postForm(PAGE, form(token(), "ノードをまたいでも上限は同じはずです。"));
      assertThat(refused.statusCode()).isEqualTo(429);
      // 50 minutes until the oldest leaves the hour
      assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isBetween(2990L, 3001L);
      var later = LocalDateTime.parse("2026-07-01T11:00:00").atZone(OpinionWindow.JAPAN).toInstant();
      window.useClock(Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), later)));
      var taken = client.postForm(PAGE, form(token(), "一時間たてばまた送れるはずです。"));
      assertThat(taken.statusCode()).as(taken.body()).isEqualTo(200);
    } finally {
      jdbc.update("delete from public_opinion where municipality_code = '963112'");
    }
  }

  /** A script's burst: twenty posts sent at once from one address store exactly the limit; the rest get 429. */
  @Test
  void aBurstOfTwentyAtOnceStoresExactlyTheLimit() {
    var answers = atOnce(20, i -> form(token(), "同時に送った意見その" + i + "：公園に植樹をお願いします。"));
    var limit = settings.perClientPerHour();
    assertThat(answers.stream().filter(a -> a.statusCode() == 200).count()).as(statuses(answers)).isEqualTo((long) limit);
    assertThat(answers.stream().filter(a -> a.statusCode() == 429).count()).as(statuses(answers))
        .isEqualTo(20L - limit);
    assertThat(stored()).isEqualTo(limit);
    // numbered without a gap or a repeat
    assertThat(jdbc.queryForList("select reference from public_opinion where municipality_code = ? order by reference",
        String.class, TOWN)).containsExactly("O-2026-0001", "O-2026-0002", "O-2026-0003", "O-2026-0004", "O-2026-0005");
  }

  /** A double click sends the same opinion twice at the same moment: it is stored once, both get its reference. */
  @Test
  void aDoubleClickStoresTheOpinionOnce() {
    var same = form(token(), "ダブルクリックしてしまいました。公園に植樹をお願いします。");
    var answers = atOnce(2, i -> same);
    assertThat(answers).allSatisfy(a -> assertThat(a.statusCode()).as(a.body()).isEqualTo(200));
    assertThat(stored()).isEqualTo(1);
    assertThat(answers).allSatisfy(a -> assertThat(a.body()).contains("O-2026-0001"));
  }

  /**
   * H2 (the demo database) gives up waiting for a row lock after 2 s: a post that finds its client's row held
   * that long, five times, is told in Japanese to try again shortly (503, Retry-After), with nothing stored.
   * PostgreSQL waits instead: there the lock is only ever held for one short transaction.
   */
  @Test
  void aPostThatCannotGetItsClientsTurnIsToldToTryAgain(@Autowired DataSource dataSource) throws Exception {
    try (var held = dataSource.getConnection()) {
      Assumptions.assumeTrue(held.getMetaData().getDatabaseProductName().equals("H2"), "H2's lock timeout only");
      var hash = secret.clientHash("127.0.0.1");
      if (jdbc.queryForObject("select count(*) from opinion_client where client_hash = ?", Integer.class, hash) == 0) {
        jdbc.update("insert into opinion_client (client_hash) values (?)", hash);
      }
      held.setAutoCommit(false);
      try (var lock = held.prepareStatement("select client_hash from opinion_client where client_hash = ? for update")) {
        lock.setString(1, hash);
        lock.executeQuery().close();
      }
      var busy = client.postForm(PAGE, form(token(), "混雑していても、わかる答えがほしいです。"));
      held.rollback();
      assertThat(busy.statusCode()).as(busy.body()).isEqualTo(503);
      assertThat(busy.body()).contains("ただいま混み合っています");
      assertThat(busy.headers().firstValue("Retry-After")).contains("10");
      assertThat(stored()).isZero();
    }
    var later = client.postForm(PAGE, form(token(), "混雑していても、わかる答えがほしいです。"));
    assertThat(later.statusCode()).as(later.body()).isEqualTo(200);
  }

  private List<HttpResponse<String>> atOnce(int posts, IntFunction<Map<String, String>> form) {
    var ready = new CountDownLatch(posts);
    var go = new CountDownLatch(1);
    var pool = Executors.newFixedThreadPool(posts);
    try {
      var sent = IntStream.rangeClosed(1, posts).mapToObj(i -> pool.submit(() -> {
        var fields = form.apply(i);
        ready.countDown();
        go.await();
        return client.postForm(PAGE, fields);
      })).toList();
      ready.await();
      go.countDown();
      var answers = new ArrayList<HttpResponse<String>>();
      for (var answer : sent) {
        answers.add(answer.get(60, TimeUnit.SECONDS));
      }
      return answers;
    } catch (InterruptedException | ExecutionException | TimeoutException e) {
      throw new IllegalStateException(e);
    } finally {
      pool.shutdownNow();
    }
  }

  private static String statuses(List<HttpResponse<String>> answers) {
    return answers.stream().map(a -> a.statusCode() + (a.statusCode() >= 500 ? " " + a.body() : ""))
        .collect(Collectors.joining(", "));
  }
}

package jp.climatepdca.opinion;

import static jp.climatepdca.opinion.OpinionClient.form;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import jp.climatepdca.cycle.CycleStarter;
import jp.climatepdca.plan.PlanImportService;
import jp.climatepdca.testing.AppTest;
import org.junit.jupiter.api.AfterEach;
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
}

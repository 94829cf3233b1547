package jp.climatepdca.identity;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The counts behind login throttling (table login_throttle, shared by every node): failures per
 * account and client address, and per client address over all accounts (account ''). Plain JDBC, not
 * JPA: a failure is one atomic increment under the row's lock, which two nodes counting the same
 * guesses at once must not lose. Each change commits on its own, whatever transaction the caller is in.
 */
@Component
@EnableConfigurationProperties(LoginThrottleSettings.class)
class LoginThrottle {

  /** The account of a client's row over all accounts; no user id is empty. */
  static final String ALL_ACCOUNTS = "";

  private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);
  private static final DateTimeFormatter JAPAN_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
      .withZone(ZoneId.of("Asia/Tokyo"));
  private static final int ACCOUNT_LENGTH = 255;
  private static final int CLIENT_LENGTH = 64;

  private final JdbcTemplate jdbc;
  private final TransactionTemplate ownTransaction;
  private final LoginThrottleSettings settings;
  private final AtomicReference<Instant> lastCleanUp = new AtomicReference<>(Instant.EPOCH);
  private volatile Clock clock = Clock.systemUTC();

  LoginThrottle(JdbcTemplate jdbc, PlatformTransactionManager transactions, LoginThrottleSettings settings) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.settings = settings;
  }

  /** What is known of this account from this client before its password is checked. */
  record State(boolean counted, boolean blocked) {}

  State state(String account, String client) {
    var now = clock.instant();
    var counted = new boolean[1];
    var blocked = new boolean[1];
    jdbc.query("select account, blocked_until from login_throttle where client = ? and account in (?, ?)", row -> {
      counted[0] |= !ALL_ACCOUNTS.equals(row.getString(1));
      var until = row.getObject(2, OffsetDateTime.class);
      blocked[0] |= until != null && until.toInstant().isAfter(now);
    }, key(client, CLIENT_LENGTH), key(account, ACCOUNT_LENGTH), ALL_ACCOUNTS);
    return new State(counted[0], blocked[0]);
  }

  /** A wrong password (or an unknown account): counted for the pair and for the client. */
  void failed(String account, String client) {
    var now = clock.instant();
    var name = key(account, ACCOUNT_LENGTH);
    if (!ALL_ACCOUNTS.equals(name)) {
      count(name, key(client, CLIENT_LENGTH), settings.accountFreeFailures(), now);
    }
    count(ALL_ACCOUNTS, key(client, CLIENT_LENGTH), settings.clientFreeFailures(), now);
    cleanUp(now);
  }

  /** An attempt while blocked: noted for the administrator, not counted (a waiting user is not blocked longer). */
  void refused(String account, String client) {
    ownTransaction.executeWithoutResult(status -> jdbc.update(
        "update login_throttle set refused = refused + 1 where client = ? and account in (?, ?) and blocked_until > ?",
        key(client, CLIENT_LENGTH), key(account, ACCOUNT_LENGTH), ALL_ACCOUNTS, at(clock.instant())));
  }

  /** The right password from this client: its mistakes are forgiven (the client's count over all accounts stays). */
  void succeeded(String account, String client) {
    ownTransaction.executeWithoutResult(status -> jdbc.update(
        "delete from login_throttle where account = ? and client = ?", key(account, ACCOUNT_LENGTH),
        key(client, CLIENT_LENGTH)));
  }

  /** An administrator unlocked the account: every client's count of it goes. */
  void forget(String account) {
    var removed = ownTransaction.execute(status -> jdbc.update("delete from login_throttle where account = ?",
        key(account, ACCOUNT_LENGTH)));
    if (removed != null && removed > 0) {
      LOG.warn("login throttle lifted: account '{}' unlocked by an administrator ({} client addresses)",
          printable(account), removed);
    }
  }

  private void count(String account, String client, int free, Instant now) {
    var failures = increment(account, client, free, now);
    if (failures == null) {
      try {
        ownTransaction.executeWithoutResult(status -> jdbc.update("insert into login_throttle"
            + " (account, client, failures, refused, last_failure) values (?, ?, 0, 0, ?)", account, client, at(now)));
      } catch (DuplicateKeyException anotherNodeWasFirst) {
        // the row is there now either way
      }
      increment(account, client, free, now);
    }
  }

  /** The pair's failures after this one (null if it has no row yet); blocks it when past the free ones. */
  private Integer increment(String account, String client, int free, Instant now) {
    return ownTransaction.execute(status -> {
      // a count older than forget-after starts again; the update holds the row's lock until the commit
      var updated = jdbc.update("update login_throttle set"
              + " failures = case when last_failure < ? then 1 else failures + 1 end,"
              + " refused = case when last_failure < ? then 0 else refused end, last_failure = ?"
              + " where account = ? and client = ?",
          at(now.minus(settings.forgetAfter())), at(now.minus(settings.forgetAfter())), at(now), account, client);
      if (updated == 0) {
        return null;
      }
      var failures = jdbc.queryForObject("select failures from login_throttle where account = ? and client = ?",
          Integer.class, account, client);
      var delay = settings.delay(failures - free);
      if (!delay.isZero()) {
        var until = now.plus(delay);
        jdbc.update("update login_throttle set blocked_until = ? where account = ? and client = ?", at(until),
            account, client);
        LOG.warn("login throttled: {} from client {} after {} failures, refused until {} (Japan time)",
            ALL_ACCOUNTS.equals(account) ? "every account" : "account '" + printable(account) + "'", client, failures,
            JAPAN_TIME.format(until));
      }
      return failures;
    });
  }

  /** Rows nobody failed with for forget-after, and not blocked: at most every ten minutes per node. */
  private void cleanUp(Instant now) {
    var last = lastCleanUp.get();
    if (now.isBefore(last.plus(10, ChronoUnit.MINUTES)) || !lastCleanUp.compareAndSet(last, now)) {
      return;
    }
    ownTransaction.executeWithoutResult(status -> jdbc.update("delete from login_throttle where last_failure < ?"
        + " and (blocked_until is null or blocked_until < ?)", at(now.minus(settings.forgetAfter())), at(now)));
  }

  private static OffsetDateTime at(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  private static String key(String value, int length) {
    var text = value == null ? ALL_ACCOUNTS : value;
    return text.length() > length ? text.substring(0, length) : text;
  }

  /** An account name as someone typed it, safe for one log line. */
  private static String printable(String account) {
    var text = key(account, 64).replaceAll("\\p{Cntrl}", "?");
    return account != null && account.length() > 64 ? text + "…" : text;
  }

  /** Tests move time instead of waiting. */
  void useClock(Clock clock) {
    this.clock = clock;
  }

  Clock clock() {
    return clock;
  }
}

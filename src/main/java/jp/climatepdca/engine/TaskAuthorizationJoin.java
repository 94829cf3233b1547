package jp.climatepdca.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Camunda's task list and count, written so that PostgreSQL can check a department's thousands of tasks
 * against its authorizations with hash joins instead of one index look-up per task.
 *
 * <p>Camunda 7.24 joins each task with the user's authorizations on
 * {@code AUTH.RESOURCE_ID_ IN (RES.ID_, D.KEY_, '*')}: a grant on the task itself (a candidate group gets
 * one per task), on its process definition, or on every task. A join condition made of alternatives can
 * only be a nested loop, so a department with 20,000 open tasks costs 20,000 index look-ups per count.
 * Here the user's authorizations are joined three times, once per kind of grant, each on one equality the
 * planner can hash ({@code AUTH} on the task's id, {@code AUTH_D} on its process definition's key,
 * {@code AUTH_A} on {@code '*'}), and a task passes where any of them matched. A task now appears once per
 * combination of matching grants instead of once per matching grant; both statements are
 * {@code select distinct} (the count counts distinct ids), so what they return is the same. Camunda's
 * inner join (when CMMN is off) becomes the same three left joins: "at least one grant matched" is what
 * its WHERE then asks.
 *
 * <p>The authorization subquery then appears three times, so do its parameters: {@link Rewritten#parameters}
 * puts the statement's parameter list in the new order. Only a statement holding exactly the join and the
 * condition Camunda 7.24 writes is changed. Anything else (no authorization check for an administrator,
 * the other form Camunda uses when revoke authorizations exist) is left as it is: slower for a large
 * department, never wrong, since it is Camunda's own check. That the form Camunda generates still is the
 * one known here is checked at start-up ({@link PostgresTaskQueries} asks {@link #verify} with the SQL
 * the engine builds for a department's task list and count): another engine's SQL (Operaton checks the
 * grants with {@code EXISTS} since 2026) stops the application instead of leaving the rewrite unused.
 */
final class TaskAuthorizationJoin {

  private static final Pattern JOIN = Pattern.compile(
      "\\b(?:left|inner)\\s+join\\s*(\\()\\s*SELECT\\s+A\\.\\*\\s+FROM\\s+(?:\\w+\\.)?ACT_RU_AUTHORIZATION\\s+A\\b",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern ON = Pattern.compile(
      "\\s*AUTH\\s+ON\\s*\\(\\s*AUTH\\.RESOURCE_ID_\\s+IN\\s*\\(\\s*RES\\.ID_\\s*,\\s*D\\.KEY_\\s*,\\s*'\\*'\\s*\\)\\s*\\)",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern MATCHED = Pattern.compile("\\(\\s*AUTH\\.RESOURCE_ID_\\s+IS\\s+NOT\\s+NULL\\s*\\)",
      Pattern.CASE_INSENSITIVE);
  private static final String ANY_MATCHED =
      "(AUTH.RESOURCE_ID_ IS NOT NULL OR AUTH_D.RESOURCE_ID_ IS NOT NULL OR AUTH_A.RESOURCE_ID_ IS NOT NULL)";

  private TaskAuthorizationJoin() {
  }

  /**
   * The rewritten statement; its authorization subquery's parameters are the {@code count} parameters from
   * {@code first} on in the original statement, and come three times in the rewritten one.
   */
  record Rewritten(String sql, int first, int count) {

    /** The original statement's parameters (MyBatis binds them by position) in the rewritten order. */
    <T> List<T> parameters(List<T> original) {
      var subquery = original.subList(first, first + count);
      var reordered = new ArrayList<T>(original.subList(0, first + count));
      reordered.addAll(subquery);
      reordered.addAll(subquery);
      reordered.addAll(original.subList(first + count, original.size()));
      return reordered;
    }
  }

  /** The statement with the hashable joins, or empty when it is not the one this rewrite knows. */
  static Optional<Rewritten> rewrite(String sql) {
    return attempt(sql).rewritten();
  }

  /**
   * The rewritten statement for SQL the engine generated for {@code statementId} with an authorization
   * check in the form this rewrite knows; {@link EngineHookMismatch} naming what did not match otherwise.
   */
  static Rewritten verify(String statementId, String sql) {
    var attempt = attempt(sql);
    return attempt.rewritten().orElseThrow(() -> new EngineHookMismatch(TaskAuthorizationJoin.class,
        "the SQL of " + statementId + " for a department's user " + attempt.unmatched()
            + " (the join AUTH ON (AUTH.RESOURCE_ID_ IN (RES.ID_, D.KEY_, '*')) and the condition"
            + " (AUTH.RESOURCE_ID_ IS NOT NULL), each once, are what it rewrites); the SQL was: " + sql));
  }

  /** Either the rewritten statement or what of Camunda's form was not found. */
  private record Attempt(Optional<Rewritten> rewritten, String unmatched) {

    static Attempt failed(String unmatched) {
      return new Attempt(Optional.empty(), unmatched);
    }
  }

  private static Attempt attempt(String sql) {
    var join = onlyMatch(JOIN.matcher(sql));
    if (join == null) {
      return Attempt.failed("has no single join of the user's authorizations (SELECT A.* FROM ACT_RU_AUTHORIZATION A)");
    }
    var matched = onlyMatch(MATCHED.matcher(sql));
    if (matched == null) {
      return Attempt.failed("has not exactly one condition (AUTH.RESOURCE_ID_ IS NOT NULL)");
    }
    var open = join.start(1);
    var close = closingParenthesis(sql, open);
    if (close < 0) {
      return Attempt.failed("does not close the authorization subquery's parenthesis");
    }
    var on = ON.matcher(sql).region(close + 1, sql.length());
    if (!on.lookingAt() || onlyMatch(ON.matcher(sql)) == null) {
      return Attempt.failed("joins the authorizations on another condition than"
          + " AUTH ON (AUTH.RESOURCE_ID_ IN (RES.ID_, D.KEY_, '*'))");
    }
    if (matched.start() < on.end()) {
      return Attempt.failed("asks (AUTH.RESOURCE_ID_ IS NOT NULL) before the join");
    }
    var subquery = sql.substring(open, close + 1);
    var joins = "left join " + subquery + " AUTH ON (AUTH.RESOURCE_ID_ = RES.ID_)\n"
        + "  left join " + subquery + " AUTH_D ON (AUTH_D.RESOURCE_ID_ = D.KEY_)\n"
        + "  left join " + subquery + " AUTH_A ON (AUTH_A.RESOURCE_ID_ = '*')";
    var rewritten = sql.substring(0, join.start()) + joins + sql.substring(on.end(), matched.start()) + ANY_MATCHED
        + sql.substring(matched.end());
    return new Attempt(Optional.of(new Rewritten(rewritten, parameters(sql, 0, open), parameters(sql, open, close))),
        "");
  }

  /** Whether the statement checks authorizations at all (an administrator's does not). */
  static boolean checksAuthorizations(String sql) {
    return sql.toUpperCase(java.util.Locale.ROOT).contains("ACT_RU_AUTHORIZATION");
  }

  /** The index of the parenthesis closing the one at {@code open}, outside quoted literals; -1 if none. */
  private static int closingParenthesis(String sql, int open) {
    var depth = 0;
    var quoted = false;
    for (var i = open; i < sql.length(); i++) {
      var c = sql.charAt(i);
      if (c == '\'') {
        quoted = !quoted;
      } else if (!quoted && c == '(') {
        depth++;
      } else if (!quoted && c == ')' && --depth == 0) {
        return i;
      }
    }
    return -1;
  }

  /** The JDBC parameters ({@code ?} outside quoted literals) from {@code from} to before {@code to}. */
  private static int parameters(String sql, int from, int to) {
    var count = 0;
    var quoted = false;
    for (var i = from; i < to; i++) {
      var c = sql.charAt(i);
      if (c == '\'') {
        quoted = !quoted;
      } else if (!quoted && c == '?') {
        count++;
      }
    }
    return count;
  }

  /** The pattern's one match, or null when it occurs never or more than once. */
  private static MatchResult onlyMatch(Matcher matcher) {
    if (!matcher.find()) {
      return null;
    }
    var first = matcher.toMatchResult();
    return matcher.find() ? null : first;
  }
}

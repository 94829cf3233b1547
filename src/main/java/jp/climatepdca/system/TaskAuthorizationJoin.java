package jp.climatepdca.system;

import java.util.Optional;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Camunda's task list and count, written so that PostgreSQL can check a department's thousands of tasks
 * against its authorizations with one hash join instead of one index look-up per task.
 *
 * <p>Camunda 7.24 joins each task with the user's authorizations on
 * {@code AUTH.RESOURCE_ID_ IN (RES.ID_, D.KEY_, '*')}: a grant on the task itself (a candidate group gets
 * one per task), on its process definition, or on every task. A join condition made of alternatives can
 * only be a nested loop, so a department with 20,000 open tasks costs 20,000 index look-ups per count. Here
 * each task is paired with its three resource ids ({@code cross join lateral (values ...)}) and joined on
 * {@code AUTH.RESOURCE_ID_ = AUTH_KEY.ID_}, an equality the planner can hash. A task now appears once per
 * matching id instead of once per matching authorization; both statements are {@code select distinct}
 * (the count counts distinct ids), so what they return is the same.
 *
 * <p>Only a statement holding exactly the join Camunda 7.24 writes is changed. Anything else (no
 * authorization check for an administrator, the other form Camunda uses when revoke authorizations exist,
 * a future Camunda's different SQL) is left as it is: slower for a large department, never wrong.
 */
final class TaskAuthorizationJoin {

  private static final Pattern JOIN = Pattern.compile(
      "\\b(?:left|inner)\\s+join\\s*\\(\\s*SELECT\\s+A\\.\\*\\s+FROM\\s+(?:\\w+\\.)?ACT_RU_AUTHORIZATION\\s+A\\b",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern ON = Pattern.compile(
      "\\bAUTH\\s+ON\\s*\\(\\s*AUTH\\.RESOURCE_ID_\\s+IN\\s*\\(\\s*RES\\.ID_\\s*,\\s*D\\.KEY_\\s*,\\s*'\\*'\\s*\\)\\s*\\)",
      Pattern.CASE_INSENSITIVE);
  private static final String KEYS = "cross join lateral (values (RES.ID_), (D.KEY_), ('*')) AUTH_KEY (ID_) ";
  private static final String EQUALS = "AUTH ON (AUTH.RESOURCE_ID_ = AUTH_KEY.ID_)";

  private TaskAuthorizationJoin() {
  }

  /** The statement with the hashable join, or empty when it is not the one this rewrite knows. */
  static Optional<String> rewrite(String sql) {
    var join = onlyMatch(JOIN.matcher(sql));
    var on = onlyMatch(ON.matcher(sql));
    if (join == null || on == null || on.start() < join.end()) {
      return Optional.empty();
    }
    return Optional.of(sql.substring(0, join.start()) + KEYS + sql.substring(join.start(), on.start()) + EQUALS
        + sql.substring(on.end()));
  }

  /** Whether the statement checks authorizations at all (an administrator's does not). */
  static boolean checksAuthorizations(String sql) {
    return sql.toUpperCase(java.util.Locale.ROOT).contains("ACT_RU_AUTHORIZATION");
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

package jp.climatepdca.engine;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * On PostgreSQL, the statement with which every engine command that checks authorizations first learns
 * which groups hold any: Camunda reads {@code SELECT distinct(A.GROUP_ID_) FROM ACT_RU_AUTHORIZATION A},
 * every row of the table, and the table holds a row per open task and candidate group. With 20,000 open
 * tasks that is 1.6 ms in each command, four times in one Tasklist list (and it grows with the tasks).
 * Written instead as a walk along Camunda's own index on {@code GROUP_ID_} (one look-up per group: the
 * next name after the last one), it reads one index entry per group: 0.6 ms with 85 groups, whatever the
 * number of tasks. The answer leaves out the null group of user grants, which the engine only intersects
 * with the user's groups. Applied by {@link PostgresTaskQueries}, which checks at start-up ({@link #verify})
 * that the statement still exists and that the engine still sends this text for it.
 */
final class AuthorizedGroupIds {

  static final String STATEMENT = "org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity"
      + ".selectAuthorizedGroupIds";

  /** Camunda 7.24's text, with its table prefix (empty unless configured). */
  private static final Pattern CAMUNDA = Pattern.compile(
      "\\s*SELECT\\s+distinct\\s*\\(\\s*A\\.GROUP_ID_\\s*\\)\\s+FROM\\s+(\\w*\\.?)ACT_RU_AUTHORIZATION\\s+A\\s*",
      Pattern.CASE_INSENSITIVE);

  private AuthorizedGroupIds() {
  }

  /** The walk along the index, or empty for any other text (which then runs as it is). */
  static Optional<String> rewrite(String sql) {
    var matcher = CAMUNDA.matcher(sql);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    return Optional.of(walk(matcher));
  }

  /**
   * Only the given number of groups (bound as parameters, in the order asked), each looked up by Camunda's index
   * on {@code GROUP_ID_}: what {@link AskedGroupIds} asks for the groups of the one user whose check is running.
   * Empty for any other text than Camunda's.
   */
  static Optional<String> among(String sql, int groups) {
    var matcher = CAMUNDA.matcher(sql);
    if (!matcher.matches() || groups < 1) {
      return Optional.empty();
    }
    return Optional.of("select distinct A.GROUP_ID_ from " + matcher.group(1) + "ACT_RU_AUTHORIZATION A"
        + " where A.GROUP_ID_ in (" + String.join(", ", java.util.Collections.nCopies(groups, "?")) + ")");
  }

  /** The walk for the text the engine sent for {@link #STATEMENT}; {@link EngineHookMismatch} for any other. */
  static String verify(String sql) {
    var matcher = CAMUNDA.matcher(sql);
    if (!matcher.matches()) {
      throw new EngineHookMismatch(AuthorizedGroupIds.class, STATEMENT + " is no longer Camunda 7.24's"
          + " SELECT distinct(A.GROUP_ID_) FROM ACT_RU_AUTHORIZATION A but: " + sql.strip());
    }
    return walk(matcher);
  }

  private static String walk(Matcher matcher) {
    var table = matcher.group(1) + "ACT_RU_AUTHORIZATION";
    return "with recursive G (ID_) as (select min(GROUP_ID_) from " + table
        + " union all select (select min(A.GROUP_ID_) from " + table + " A where A.GROUP_ID_ > G.ID_)"
        + " from G where G.ID_ is not null) select ID_ from G where ID_ is not null";
  }
}

package jp.climatepdca.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rewrite of the task query's authorization join, on the SQL text alone. Whether the rewritten
 * statement returns the same tasks, and is planned with hash joins, is asked of a real PostgreSQL in
 * PostgresProdProfileTest.
 */
class TaskAuthorizationJoinTest {

  /** Camunda 7.24's task count for the Tasklist filter グループのタスク, as MyBatis sends it (line breaks kept). */
  private static final String COUNT = """
      SELECT COUNT(*) FROM (SELECT DISTINCT RES.ID_
          from ACT_RU_TASK RES
            left join ACT_RU_IDENTITYLINK I on I.TASK_ID_ = RES.ID_
            left join
            ACT_RE_PROCDEF D on RES.PROC_DEF_ID_ = D.ID_
              left join
          (
          SELECT A.*
          FROM ACT_RU_AUTHORIZATION A
          WHERE A.TYPE_ < 2
          AND ( A.USER_ID_ in ( ?, '*')
            OR A.GROUP_ID_ IN ( ? ) )
            AND ( ( A.RESOURCE_TYPE_ = ? AND A.PERMS_ & ? = ? OR A.RESOURCE_TYPE_ = ? AND A.PERMS_ & ? = ? ) )
          )
              AUTH ON (AUTH.RESOURCE_ID_ IN (  RES.ID_ ,  D.KEY_ ,  '*'  ))
          WHERE ( 1 = 1 and ( I.TYPE_ = 'candidate' and ( I.GROUP_ID_ IN ( ? ) ) ) )
            and ( (RES.CASE_EXECUTION_ID_ IS NOT NULL) OR (AUTH.RESOURCE_ID_ IS NOT NULL) )
            and (RES.TENANT_ID_ is null )
      ) countDistinct""";

  @Test
  void theAlternativesBecomeThreeJoinsEachOnOneEquality() {
    var rewritten = TaskAuthorizationJoin.rewrite(COUNT).orElseThrow();
    var sql = rewritten.sql().replaceAll("\\s+", " ");
    var subquery = COUNT.substring(COUNT.indexOf("(\n    SELECT A.*"), COUNT.indexOf("AUTH ON")).strip()
        .replaceAll("\\s+", " ");

    assertThat(sql)
        .contains("left join " + subquery + " AUTH ON (AUTH.RESOURCE_ID_ = RES.ID_)")
        .contains("left join " + subquery + " AUTH_D ON (AUTH_D.RESOURCE_ID_ = D.KEY_)")
        .contains("left join " + subquery + " AUTH_A ON (AUTH_A.RESOURCE_ID_ = '*')")
        .contains("OR (AUTH.RESOURCE_ID_ IS NOT NULL OR AUTH_D.RESOURCE_ID_ IS NOT NULL OR AUTH_A.RESOURCE_ID_ IS NOT NULL) )")
        .doesNotContain("IN ( RES.ID_");
    // everything else as Camunda wrote it
    assertThat(sql.substring(0, sql.indexOf("left join (")))
        .isEqualTo(COUNT.replaceAll("\\s+", " ").substring(0, sql.indexOf("left join (")));
    assertThat(sql).endsWith("and (RES.TENANT_ID_ is null ) ) countDistinct");
    // the subquery's 8 parameters come three times; the identity link's one stays last
    assertThat(sql.chars().filter(c -> c == '?').count()).isEqualTo(8 * 3 + 1);
    assertThat(rewritten.first()).isZero();
    assertThat(rewritten.count()).isEqualTo(8);
  }

  @Test
  void theParametersFollowTheirPlacesInTheRewrittenStatement() {
    // MyBatis binds by position: here a parameter before the subquery, the subquery's three, one after
    var sql = COUNT.replace("SELECT DISTINCT RES.ID_", "SELECT DISTINCT RES.ID_, ? AS X_")
        .replace("AND ( ( A.RESOURCE_TYPE_ = ? AND A.PERMS_ & ? = ? OR A.RESOURCE_TYPE_ = ? AND A.PERMS_ & ? = ? ) )", "");
    var rewritten = TaskAuthorizationJoin.rewrite(sql).orElseThrow();

    assertThat(rewritten.parameters(List.of("x", "user", "group", "candidate")))
        .containsExactly("x", "user", "group", "user", "group", "user", "group", "candidate");
    assertThat(rewritten.sql().chars().filter(c -> c == '?').count()).isEqualTo(8);
  }

  @Test
  void camundasInnerJoinBecomesTheSameLeftJoins() {
    // when CMMN is off Camunda joins the authorizations with an inner join and asks only for a match
    var inner = COUNT.replace("left join\n    (", "inner join\n    (")
        .replace("(RES.CASE_EXECUTION_ID_ IS NOT NULL) OR ", "");
    var sql = TaskAuthorizationJoin.rewrite(inner).orElseThrow().sql().replaceAll("\\s+", " ");

    assertThat(sql).doesNotContain("inner join (").contains("left join ( SELECT A.* FROM ACT_RU_AUTHORIZATION A")
        .contains("and ( (AUTH.RESOURCE_ID_ IS NOT NULL OR AUTH_D.RESOURCE_ID_ IS NOT NULL OR AUTH_A.RESOURCE_ID_ IS NOT NULL) )");
  }

  @Test
  void aStatementWithoutTheJoinIsLeftAsItIs() {
    // an administrator's query checks no authorization at all
    var admin = "SELECT COUNT(*) FROM (SELECT DISTINCT RES.ID_ from ACT_RU_TASK RES WHERE ( 1 = 1 ) ) countDistinct";
    assertThat(TaskAuthorizationJoin.rewrite(admin)).isEmpty();
    assertThat(TaskAuthorizationJoin.checksAuthorizations(admin)).isFalse();

    // the join over other resource ids (another entity, or a future Camunda) is not this one
    var other = COUNT.replace("D.KEY_ ,", "E.KEY_ ,");
    assertThat(TaskAuthorizationJoin.rewrite(other)).isEmpty();
    assertThat(TaskAuthorizationJoin.checksAuthorizations(other)).isTrue();
  }

  @Test
  void aStatementWithoutCamundasConditionOnTheJoinIsLeftAsItIs() {
    // the three joins need the WHERE's "some grant matched" to stand for all of them
    assertThat(TaskAuthorizationJoin.rewrite(COUNT.replace("OR (AUTH.RESOURCE_ID_ IS NOT NULL)", ""))).isEmpty();
    assertThat(TaskAuthorizationJoin.rewrite(COUNT.replace("and (RES.TENANT_ID_ is null )",
        "and (AUTH.RESOURCE_ID_ IS NOT NULL) and (RES.TENANT_ID_ is null )"))).isEmpty();
  }

  @Test
  void aStatementWithTheJoinTwiceIsLeftAsItIs() {
    var twice = COUNT.replace(") countDistinct", "UNION ALL " + COUNT.substring(COUNT.indexOf("SELECT DISTINCT"))
        + ") countDistinct");
    assertThat(TaskAuthorizationJoin.rewrite(twice)).isEmpty();
  }

  @Test
  void theStartUpCheckGivesTheRewriteForCamundasSql() {
    assertThat(TaskAuthorizationJoin.verify("count", COUNT)).isEqualTo(TaskAuthorizationJoin.rewrite(COUNT).orElseThrow());
  }

  /** SQL of another engine stops the start instead of leaving the rewrite unused, and says what changed. */
  @Test
  void theStartUpCheckStopsAtSqlInAnotherForm() {
    // the grants checked with EXISTS instead of a join (as Operaton does since 2026)
    var exists = COUNT.replace("left join\n    (", "where exists (").replace("AUTH ON (AUTH.RESOURCE_ID_ IN (  RES.ID_ ,  D.KEY_ ,  '*'  ))", "");
    assertThatThrownBy(() -> TaskAuthorizationJoin.verify("selectTaskCountByQueryCriteria", exists))
        .isInstanceOf(EngineHookMismatch.class)
        .hasMessageStartingWith("TaskAuthorizationJoin no longer matches the process engine (org.camunda.bpm.engine")
        .hasMessageContaining("the SQL of selectTaskCountByQueryCriteria for a department's user has no single join");
    // another join condition (a fourth kind of grant, say)
    var fourth = COUNT.replace("D.KEY_ ,  '*'", "D.KEY_ , D.TENANT_ID_ , '*'");
    assertThatThrownBy(() -> TaskAuthorizationJoin.verify("list", fourth)).isInstanceOf(EngineHookMismatch.class)
        .hasMessageContaining("joins the authorizations on another condition");
    // the condition that stands for "some grant matched" gone or doubled
    assertThatThrownBy(() -> TaskAuthorizationJoin.verify("list", COUNT.replace("OR (AUTH.RESOURCE_ID_ IS NOT NULL)", "")))
        .isInstanceOf(EngineHookMismatch.class).hasMessageContaining("not exactly one condition");
  }
}

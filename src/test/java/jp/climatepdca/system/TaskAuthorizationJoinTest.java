package jp.climatepdca.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The rewrite of the task query's authorization join, on the SQL text alone. Whether the rewritten
 * statement returns the same tasks, and is planned as a hash join, is asked of a real PostgreSQL in
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
  void theAlternativesBecomeOneEqualityOverTheTasksThreeResourceIds() {
    var rewritten = TaskAuthorizationJoin.rewrite(COUNT).orElseThrow();

    assertThat(rewritten)
        .contains("cross join lateral (values (RES.ID_), (D.KEY_), ('*')) AUTH_KEY (ID_) left join")
        .contains("AUTH ON (AUTH.RESOURCE_ID_ = AUTH_KEY.ID_)")
        .doesNotContain("IN (  RES.ID_");
    // the parameters keep their places: MyBatis binds them by position
    assertThat(rewritten.chars().filter(c -> c == '?').count()).isEqualTo(9);
    assertThat(rewritten.replace(" AUTH_KEY (ID_)", "").replaceAll("cross join lateral \\(values .*?\\)\\)", "")
        .replace("AUTH.RESOURCE_ID_ = AUTH_KEY.ID_", "AUTH.RESOURCE_ID_ IN (  RES.ID_ ,  D.KEY_ ,  '*'  )")
        .replaceAll("\\s+", " ")).isEqualTo(COUNT.replaceAll("\\s+", " "));
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
  void aStatementWithTheJoinTwiceIsLeftAsItIs() {
    var twice = COUNT.replace(") countDistinct", "UNION ALL " + COUNT.substring(COUNT.indexOf("SELECT DISTINCT"))
        + ") countDistinct");
    assertThat(TaskAuthorizationJoin.rewrite(twice)).isEmpty();
  }
}

package jp.climatepdca.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * The rewrite of the engine's look-up of the groups holding authorizations, on the SQL text alone; that it
 * answers the same groups, along the index, is asked of a real PostgreSQL in PostgresProdProfileTest.
 */
class AuthorizedGroupIdsTest {

  @Test
  void camundasStatementBecomesAWalkAlongTheIndex() {
    // as MyBatis sends Authorization.xml's selectAuthorizedGroupIds (line break and indentation kept)
    var sql = AuthorizedGroupIds.rewrite("\n    SELECT distinct(A.GROUP_ID_) FROM ACT_RU_AUTHORIZATION A\n  ")
        .orElseThrow();
    assertThat(sql).isEqualTo("with recursive G (ID_) as (select min(GROUP_ID_) from ACT_RU_AUTHORIZATION"
        + " union all select (select min(A.GROUP_ID_) from ACT_RU_AUTHORIZATION A where A.GROUP_ID_ > G.ID_)"
        + " from G where G.ID_ is not null) select ID_ from G where ID_ is not null");
  }

  @Test
  void aTablePrefixIsKept() {
    assertThat(AuthorizedGroupIds.rewrite("SELECT distinct(A.GROUP_ID_) FROM camunda.ACT_RU_AUTHORIZATION A"))
        .hasValueSatisfying(sql -> assertThat(sql).contains("from camunda.ACT_RU_AUTHORIZATION A where")
            .doesNotContain(" ACT_RU_AUTHORIZATION"));
  }

  @Test
  void anyOtherTextRunsAsItIs() {
    assertThat(AuthorizedGroupIds.rewrite("SELECT distinct(A.GROUP_ID_) FROM ACT_RU_AUTHORIZATION A WHERE A.TYPE_ = 1"))
        .isEmpty();
    assertThat(AuthorizedGroupIds.rewrite("SELECT distinct(A.USER_ID_) FROM ACT_RU_AUTHORIZATION A")).isEmpty();
  }

  @Test
  void theStartUpCheckStopsAtAnyOtherText() {
    var camunda = "SELECT distinct(A.GROUP_ID_) FROM ACT_RU_AUTHORIZATION A";
    assertThat(AuthorizedGroupIds.verify(camunda)).isEqualTo(AuthorizedGroupIds.rewrite(camunda).orElseThrow());
    assertThatThrownBy(() -> AuthorizedGroupIds.verify(camunda + " WHERE A.TYPE_ < 2"))
        .isInstanceOf(EngineHookMismatch.class)
        .hasMessageStartingWith("AuthorizedGroupIds no longer matches the process engine")
        .hasMessageContaining(AuthorizedGroupIds.STATEMENT + " is no longer")
        .hasMessageContaining("WHERE A.TYPE_ < 2");
  }
}

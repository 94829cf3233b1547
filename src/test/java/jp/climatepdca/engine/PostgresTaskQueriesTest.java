package jp.climatepdca.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import jp.climatepdca.identity.GroupNames;
import jp.climatepdca.testing.ProdProfileOnPostgres;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The task queries' hooks on a real PostgreSQL in the prod profile: the start-up probe that checks the
 * engine still sends the SQL they rewrite (this context starting is its first check), the plans and
 * settings they give the task count, and that every kind of grant still shows exactly its tasks.
 */
@SpringBootTest
@ExtendWith(OutputCaptureExtension.class)
class PostgresTaskQueriesTest extends ProdProfileOnPostgres {

  @Autowired
  DataSource dataSource;

  @Autowired
  RuntimeService runtime;

  @Autowired
  ProcessEngineConfigurationImpl engine;

  @Autowired
  ProcessEngine processEngine;

  @Test
  void theProbeFindsEveryStatementInTheFormItsRewriteKnows(CapturedOutput output) {
    taskQueries.probe(processEngine, PostgresTaskQueries.HOOKED);
    assertThat(output.getOut()).contains("the engine's task queries are in the form the rewrite knows");
  }

  /** The statement ids exist in the engine's MyBatis configuration; a renamed one stops the start. */
  @Test
  void theHookedStatementsExistAndARenamedOneStopsTheStart() {
    var mybatis = engine.getSqlSessionFactory().getConfiguration();
    PostgresTaskQueries.verifyStatements(mybatis, PostgresTaskQueries.HOOKED);
    var renamed = AuthorizedGroupIds.STATEMENT.replace("org.camunda.bpm", "org.operaton.bpm");
    assertThatThrownBy(() -> PostgresTaskQueries.verifyStatements(mybatis, Set.of(PostgresTaskQueries.TASK_LIST, renamed)))
        .isInstanceOf(EngineHookMismatch.class)
        .hasMessageContaining("the engine's MyBatis configuration has no statement " + renamed);
  }

  /** An engine whose task queries run under another statement id (as if renamed) does not start. */
  @Test
  void theProbeStopsTheStartWhenATaskQueryRunsUnderAnotherStatement() {
    var renamed = PostgresTaskQueries.TASK_COUNT.replace("selectTaskCount", "selectTaskCountRenamed");
    assertThatThrownBy(() -> taskQueries.probe(processEngine, Set.of(PostgresTaskQueries.TASK_LIST, renamed)))
        .isInstanceOf(EngineHookMismatch.class)
        .hasMessageContaining("PostgresTaskQueries no longer matches the process engine")
        .hasMessageContaining("no longer run " + renamed)
        .hasMessageContaining(PostgresTaskQueries.TASK_COUNT);
  }

  /**
   * While a revoke authorization exists the engine checks task queries in another form, which runs as
   * Camunda wrote it (its own check); the probe still checks the form the rewrite knows.
   */
  @Test
  void withARevokeCamundasOwnCheckRunsAndTheProbeStillChecksTheRewrittenForm(CapturedOutput output) {
    var group = GroupNames.departmentStaff("999996", "d01");
    repository.createDeployment().name("revoke-check").addModelInstance("revoke-check.bpmn",
        Bpmn.createExecutableProcess("revoke-check").camundaHistoryTimeToLive(1).startEvent().userTask("Task_Check")
            .camundaCandidateGroups(group).endEvent().done()).deploy();
    var started = List.of(runtime.startProcessInstanceByKey("revoke-check", "999996:revoke").getId(),
        runtime.startProcessInstanceByKey("revoke-check", "999996:revoke").getId()).stream().sorted().toList();
    var auth = engine.getAuthorizationService();
    var revoke = auth.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
    // for every user, the probe's included: the engine then checks everybody's task queries in that form
    revoke.setUserId("*");
    revoke.setResource(Resources.TASK);
    revoke.setResourceId("no-such-task");
    revoke.removePermission(Permissions.READ);
    auth.saveAuthorization(revoke);
    try {
      taskQueries.probe(processEngine, PostgresTaskQueries.HOOKED);
      engine.getIdentityService().setAuthentication("999996-d01-staff-1", List.of(group), List.of("999996"));
      try {
        var query = engine.getTaskService().createTaskQuery().processDefinitionKey("revoke-check");
        assertThat(query.list().stream().map(org.camunda.bpm.engine.task.Task::getProcessInstanceId).sorted())
            .isEqualTo(started);
        assertThat(query.count()).isEqualTo(2);
      } finally {
        engine.getIdentityService().clearAuthentication();
      }
      engine.getIdentityService().setAuthentication("999996-d02-staff-1", List.of("999996-d02-staff"), List.of("999996"));
      try {
        assertThat(engine.getTaskService().createTaskQuery().processDefinitionKey("revoke-check").count()).isZero();
      } finally {
        engine.getIdentityService().clearAuthentication();
      }
    } finally {
      auth.deleteAuthorization(revoke.getId());
    }
    assertThat(output.getOut()).contains("Revoke authorizations exist");
  }

  @Autowired
  RepositoryService repository;

  @Autowired
  TransactionTemplate transaction;

  @Autowired
  PostgresTaskQueryTuning tuning;

  @Autowired
  PostgresTaskQueries taskQueries;

  /**
   * The SQL Camunda 7.24 sends for the Tasklist filter グループのタスク's count (from its debug log, with
   * the values bound): candidate-group tasks, each checked against the authorizations.
   */
  private static final String GROUP_TASK_COUNT = """
      SELECT COUNT(*) FROM (SELECT DISTINCT RES.ID_ from ACT_RU_TASK RES
      left join ACT_RU_IDENTITYLINK I on I.TASK_ID_ = RES.ID_ left join ACT_RE_PROCDEF D on RES.PROC_DEF_ID_ = D.ID_
      left join ( SELECT A.* FROM ACT_RU_AUTHORIZATION A WHERE A.TYPE_ < 2 AND ( A.USER_ID_ in ( '%1$s', '*')
        OR A.GROUP_ID_ IN ( '%2$s' ) ) AND ( ( A.RESOURCE_TYPE_ = 7 AND A.PERMS_ & 2 = 2
        OR A.RESOURCE_TYPE_ = 6 AND A.PERMS_ & 64 = 64 ) ) ) AUTH ON (AUTH.RESOURCE_ID_ IN ( RES.ID_ , D.KEY_ , '*' ))
      WHERE ( 1 = 1 and ( I.TYPE_ = 'candidate' and ( I.GROUP_ID_ IN ( '%2$s' ) ) ) )
        and ( (RES.CASE_EXECUTION_ID_ IS NOT NULL) OR (AUTH.RESOURCE_ID_ IS NOT NULL) )
        and (RES.TENANT_ID_ is null OR RES.TENANT_ID_ in ( '%3$s' ) )
      ) countDistinct""";

  /**
   * A department holding many open tasks: without statistics on {@code PERMS_ & n} PostgreSQL joins every
   * task with every authorization row (with 20,000 tasks the count never answered); with them it looks
   * each task's authorization up by index. Asked of the planner (EXPLAIN), not of a clock.
   */
  @Test
  void theTaskCountOfADepartmentWithManyTasksLooksAuthorizationsUpByIndex() throws Exception {
    var group = GroupNames.departmentStaff("999998", "d01");
    repository.createDeployment().name("plan-check").addModelInstance("plan-check.bpmn",
        Bpmn.createExecutableProcess("plan-check").camundaHistoryTimeToLive(1).startEvent().userTask("Task_Check")
            .camundaCandidateGroups(group).endEvent().done()).deploy();
    transaction.executeWithoutResult(status -> {
      for (var i = 0; i < 1500; i++) {
        runtime.startProcessInstanceByKey("plan-check", "999998:plan");
      }
    });
    var jdbc = new JdbcTemplate(dataSource);
    var count = GROUP_TASK_COUNT.formatted("999998-d01-staff-1", group, "999998");
    // what autovacuum does after so many inserts, at once rather than within a minute or so
    jdbc.execute("analyze act_ru_task; analyze act_ru_identitylink; analyze act_ru_authorization");
    assertThat(plan(jdbc, count)).contains("cp_idx_auth_task_read").doesNotContain("Materialize");
    assertThat(jdbc.queryForObject(count, Long.class)).isEqualTo(1500);
    // the engine binds the values as parameters: a generic plan (no values) would be the bad one again, so
    // the transaction that runs a task query plans it for its values, and the others keep the default
    var user = "999998-d01-staff-1";
    var settings = "select current_setting('plan_cache_mode') || ' memoize ' || current_setting('enable_memoize')"
        + " || ' mergejoin ' || current_setting('enable_mergejoin')";
    var seen = transaction.execute(status -> {
      var before = jdbc.queryForObject(settings, String.class);
      engine.getIdentityService().setAuthentication(user, List.of(group), List.of("999998"));
      try {
        assertThat(engine.getTaskService().createTaskQuery().taskCandidateGroup(group).count()).isEqualTo(1500);
      } finally {
        engine.getIdentityService().clearAuthentication();
      }
      return List.of(before, jdbc.queryForObject(settings, String.class));
    });
    assertThat(seen).containsExactly("auto memoize on mergejoin on", "force_custom_plan memoize off mergejoin off");
    String otherQuery = transaction.execute(status -> {
      runtime.createProcessInstanceQuery().processDefinitionKey("plan-check").count();
      return jdbc.queryForObject(settings, String.class);
    });
    assertThat(otherQuery).isEqualTo("auto memoize on mergejoin on");

    // why: without the statistics the planner takes the 1,500 authorizations for a handful
    jdbc.execute("drop statistics cp_stat_auth_read, cp_stat_auth_read_task; analyze act_ru_authorization");
    assertThat(plan(jdbc, count)).contains("Materialize").doesNotContain("cp_idx_auth_task_read");
    tuning.tune();
    assertThat(plan(jdbc, count)).contains("cp_idx_auth_task_read");
    // a restored dump (docs/operations.md) has the statistics' definitions but not their data: the next
    // start fills them rather than leave the bad plan until autovacuum gets round to the table
    jdbc.execute("drop statistics cp_stat_auth_read, cp_stat_auth_read_task;"
        + " create statistics cp_stat_auth_read on ((perms_ & 2)) from act_ru_authorization;"
        + " create statistics cp_stat_auth_read_task on ((perms_ & 64)) from act_ru_authorization");
    assertThat(plan(jdbc, count)).contains("Materialize").doesNotContain("cp_idx_auth_task_read");
    tuning.tune();
    assertThat(plan(jdbc, count)).contains("cp_idx_auth_task_read");

    // what the engine sends instead (PostgresTaskQueries): the tasks hash-joined with their grants, with
    // the same answer
    var rewritten = TaskAuthorizationJoin.rewrite(count).orElseThrow().sql();
    var hashed = transaction.execute(status -> {
      jdbc.execute("set local enable_memoize = off; set local enable_mergejoin = off");
      return List.of(plan(jdbc, rewritten), jdbc.queryForObject(rewritten, Long.class));
    });
    assertThat((String) hashed.get(0)).containsPattern("Hash Cond: \\(\\((a\\.resource_id_\\)::text = \\(res\\.id_"
        + "|res\\.id_\\)::text = \\(a\\.resource_id_)\\)::text\\)").doesNotContain("cp_idx_auth_task_read on act_ru_authorization a ");
    assertThat(hashed.get(1)).isEqualTo(1500L);
  }

  /**
   * The rewritten join ({@link TaskAuthorizationJoin}) through the engine: a task is seen by whoever holds
   * a grant on it (a candidate group's, per task), on its process definition (READ_TASK) or on every task,
   * and by nobody else; in lists, counts and Tasklist's candidate-group filter alike.
   */
  @Test
  void eachKindOfGrantStillShowsExactlyItsTasks(CapturedOutput output) {
    var group = GroupNames.departmentStaff("999997", "d01");
    repository.createDeployment().name("grant-check").addModelInstance("grant-check.bpmn",
        Bpmn.createExecutableProcess("grant-check").camundaHistoryTimeToLive(1).startEvent()
            .userTask("Task_Check").camundaCandidateGroups(group).endEvent().done()).deploy();
    // in the order of their variable n (their ids may sort otherwise)
    var byN = transaction.execute(status -> java.util.stream.IntStream.range(0, 3)
        .mapToObj(i -> runtime.startProcessInstanceByKey("grant-check", "999997:grant:" + i, java.util.Map.of("n", i)).getId())
        .toList());
    var started = byN.stream().sorted().toList();
    grant("grant-check-definition", Resources.PROCESS_DEFINITION, "grant-check",
        ProcessDefinitionPermissions.READ_TASK);
    grant("grant-check-everything", Resources.TASK, "*", Permissions.READ);

    var statement = "org.camunda.bpm.engine.impl.persistence.entity.TaskEntity";
    var groups = AuthorizedGroupIds.STATEMENT;
    var logging = org.springframework.boot.logging.LoggingSystem.get(getClass().getClassLoader());
    logging.setLogLevel(statement, org.springframework.boot.logging.LogLevel.DEBUG);
    logging.setLogLevel(groups, org.springframework.boot.logging.LogLevel.DEBUG);
    try {
      assertThat(seenBy("999997-d01-staff-1", List.of(group))).isEqualTo(List.of(started, 3L, 3L));
      assertThat(seenBy("grant-check-definition", List.of())).isEqualTo(List.of(started, 3L, 3L));
      assertThat(seenBy("grant-check-everything", List.of())).isEqualTo(List.of(started, 3L, 3L));
      assertThat(seenBy("grant-check-nobody", List.of("999997-d02-staff"))).isEqualTo(List.of(List.of(), 0L, 0L));
      // grants of several kinds at once (a task appears once per combination of them): each task still once
      assertThat(seenBy("grant-check-definition", List.of(group))).isEqualTo(List.of(started, 3L, 3L));
      assertThat(seenBy("grant-check-everything", List.of(group))).isEqualTo(List.of(started, 3L, 3L));
      // Tasklist's other query shapes: an "or" query, sorted by a process variable (joins of their own)
      assertThat(sortedByVariable("grant-check-definition", List.of())).isEqualTo(byN);
      assertThat(sortedByVariable("999997-d01-staff-1", List.of(group))).isEqualTo(byN);
      assertThat(sortedByVariable("grant-check-nobody", List.of("999997-d02-staff"))).isEmpty();
    } finally {
      logging.setLogLevel(statement, null);
      logging.setLogLevel(groups, null);
    }
    // the statements the engine prepared were the rewritten ones (the department's user above saw its
    // tasks through its group, which the engine keeps only if the groups' look-up answered it: AskedGroupIds
    // looks up the asked group only)
    assertThat(output.getOut()).contains("AUTH_D ON (AUTH_D.RESOURCE_ID_ = D.KEY_)")
        .doesNotContain("AUTH ON (AUTH.RESOURCE_ID_ IN")
        .contains("select distinct A.GROUP_ID_ from ACT_RU_AUTHORIZATION A where A.GROUP_ID_ in (?)")
        .doesNotContain("SELECT distinct(A.GROUP_ID_)");
  }

  /**
   * Camunda's tenant check stays in the rewritten task list and count: a group offered tasks of two tenants (the
   * engine grants it each task) sees, in every query shape, only the tasks of the tenants it is authenticated
   * with; with none, none. The statements the engine prepared were the rewritten ones, with the tenant condition.
   */
  @Test
  void theRewrittenTaskQueriesKeepCamundasTenantCheck(CapturedOutput output) {
    var group = GroupNames.departmentStaff("999995", "d01");
    repository.createDeployment().name("tenant-check").addModelInstance("tenant-check.bpmn",
        Bpmn.createExecutableProcess("tenant-check").camundaHistoryTimeToLive(1).startEvent()
            .userTask("Task_Check").camundaCandidateGroups(group).endEvent().done()).deploy();
    var own = runtime.startProcessInstanceByKey("tenant-check", "999995:tenant-check").getId();
    var other = runtime.startProcessInstanceByKey("tenant-check", "999994:tenant-check").getId();
    var statement = "org.camunda.bpm.engine.impl.persistence.entity.TaskEntity";
    var logging = org.springframework.boot.logging.LoggingSystem.get(getClass().getClassLoader());
    logging.setLogLevel(statement, org.springframework.boot.logging.LogLevel.DEBUG);
    try {
      assertThat(seenInTenants(group, List.of("999995"))).isEqualTo(List.of(List.of(own), 1L, 1L, List.of(own)));
      assertThat(seenInTenants(group, List.of("999994"))).isEqualTo(List.of(List.of(other), 1L, 1L, List.of(other)));
      assertThat(seenInTenants(group, List.of("999994", "999995")))
          .isEqualTo(List.of(List.of(own, other).stream().sorted().toList(), 2L, 2L,
              List.of(own, other).stream().sorted().toList()));
      assertThat(seenInTenants(group, List.of())).isEqualTo(List.of(List.of(), 0L, 0L, List.of()));
    } finally {
      logging.setLogLevel(statement, null);
    }
    assertThat(output.getOut()).contains("AUTH_D ON (AUTH_D.RESOURCE_ID_ = D.KEY_)")
        .doesNotContain("AUTH ON (AUTH.RESOURCE_ID_ IN").containsPattern("RES\\.TENANT_ID_ in\\s*\\(\\s*\\?");
  }

  /** The tenant-check tasks' instances the group's user sees (list), the count, Tasklist's filter count, an "or" list. */
  private List<Object> seenInTenants(String group, List<String> tenants) {
    var tasks = engine.getTaskService();
    engine.getIdentityService().setAuthentication("999995-d01-staff-1", List.of(group), tenants);
    try {
      var query = tasks.createTaskQuery().processDefinitionKey("tenant-check");
      return List.of(query.list().stream().map(org.camunda.bpm.engine.task.Task::getProcessInstanceId).sorted().toList(),
          query.count(), tasks.createTaskQuery().taskCandidateGroupIn(List.of(group)).includeAssignedTasks().count(),
          tasks.createTaskQuery().or().taskCandidateGroup(group).taskAssignee("nobody").endOr()
              .processDefinitionKey("tenant-check").list().stream()
              .map(org.camunda.bpm.engine.task.Task::getProcessInstanceId).sorted().toList());
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  /** The groups' look-up along the index ({@link AuthorizedGroupIds}) answers what Camunda's statement does. */
  @Test
  void theGroupsHoldingAuthorizationsAreTheSameAlongTheIndex() {
    for (var group : List.of("999997-c-staff", "999997-a-staff", "999997-b-staff")) {
      for (var i = 0; i < 3; i++) {
        grant(owner -> owner.setGroupId(group), Resources.TASK, "group-probe-" + i, Permissions.READ);
      }
    }
    var jdbc = new JdbcTemplate(dataSource);
    var camunda = "SELECT distinct(A.GROUP_ID_) FROM ACT_RU_AUTHORIZATION A";
    var expected = jdbc.queryForList(camunda, String.class).stream().filter(java.util.Objects::nonNull).toList();
    assertThat(expected).contains("999997-a-staff", "999997-b-staff", "999997-c-staff", "camunda-admin");
    assertThat(jdbc.queryForList(AuthorizedGroupIds.rewrite(camunda).orElseThrow(), String.class))
        .containsExactlyInAnyOrderElementsOf(expected);
  }

  private void grant(String user, Resources resource, String resourceId, Permission permission) {
    grant(owner -> owner.setUserId(user), resource, resourceId, permission);
  }

  private void grant(java.util.function.Consumer<Authorization> owner, Resources resource, String resourceId,
      Permission permission) {
    var auth = engine.getAuthorizationService();
    var grant = auth.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    owner.accept(grant);
    grant.setResource(resource);
    grant.setResourceId(resourceId);
    grant.addPermission(permission);
    auth.saveAuthorization(grant);
  }

  /** The process instances of the user's visible grant-check tasks by an "or" query, sorted by their n. */
  private List<String> sortedByVariable(String user, List<String> groups) {
    engine.getIdentityService().setAuthentication(user, groups, List.of("999997"));
    try {
      return engine.getTaskService().createTaskQuery().or()
          .taskCandidateGroup(GroupNames.departmentStaff("999997", "d01")).processDefinitionKey("grant-check")
          .endOr().processDefinitionKey("grant-check")
          .orderByProcessVariable("n", org.camunda.bpm.engine.variable.type.ValueType.INTEGER).asc().list()
          .stream().map(org.camunda.bpm.engine.task.Task::getProcessInstanceId).toList();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  /** The user's process instances with a visible task, the count of them, and the candidate-group count. */
  private List<Object> seenBy(String user, List<String> groups) {
    var tasks = engine.getTaskService();
    engine.getIdentityService().setAuthentication(user, groups, List.of("999997"));
    try {
      var query = tasks.createTaskQuery().processDefinitionKey("grant-check");
      return List.of(query.orderByProcessInstanceId().asc().list().stream()
          .map(org.camunda.bpm.engine.task.Task::getProcessInstanceId).sorted().toList(), query.count(),
          tasks.createTaskQuery().taskCandidateGroup(GroupNames.departmentStaff("999997", "d01")).count());
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }


  private static String plan(JdbcTemplate jdbc, String sql) {
    return String.join("\n", jdbc.queryForList("explain " + sql, String.class));
  }
}

package jp.climatepdca.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import javax.sql.DataSource;
import jp.climatepdca.cycle.CycleStarter;
import jp.climatepdca.emission.ActivityImportService;
import jp.climatepdca.emission.EmissionCalculator;
import jp.climatepdca.emission.EmissionFactorService;
import jp.climatepdca.emission.FactorKind;
import jp.climatepdca.emission.FactorView;
import jp.climatepdca.emission.Gas;
import jp.climatepdca.emission.InventoryReportService;
import jp.climatepdca.emission.LocalFactorService;
import jp.climatepdca.emission.LocalFactorView;
import jp.climatepdca.evaluation.IndicatorGrade;
import jp.climatepdca.evaluation.IndicatorService;
import jp.climatepdca.identity.GroupNames;
import jp.climatepdca.plan.ActualValueInput;
import jp.climatepdca.plan.PlanImportService;
import jp.climatepdca.plan.PlanIndicatorService;
import jp.climatepdca.testing.ProdProfileOnPostgres;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.springframework.transaction.support.TransactionTemplate;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.boot.actuate.health.CompositeHealth;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The prod profile as docker/compose.yaml runs it, on a real PostgreSQL: only the environment variables
 * the compose file sets, Flyway's schema, the administrator from the environment and nothing of the demo.
 */
@SpringBootTest
@ExtendWith(OutputCaptureExtension.class)
class PostgresProdProfileTest extends ProdProfileOnPostgres {

  @Autowired
  DataSource dataSource;

  @Autowired
  IdentityService identity;

  @Autowired
  PlanImportService importer;

  @Autowired
  CycleStarter starter;

  @Autowired
  RuntimeService runtime;

  @Autowired
  ProcessEngineConfigurationImpl engine;

  @Autowired
  HealthEndpoint health;

  @Test
  void readyForAClusterWithHistoryCleanup() {
    assertThat(engine.isJobExecutorDeploymentAware()).isFalse();
    assertThat(engine.isJobExecutorAcquireExclusiveOverProcessHierarchies()).isTrue();
    assertThat(engine.isHistoryCleanupEnabled()).isTrue();
    assertThat(engine.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
    assertThat(engine.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
    assertThat(engine.getBatchOperationHistoryTimeToLive()).isEqualTo("P30D");
    // application.yaml's engine properties stay: the profile's map adds to them
    // (the engine's own lockout is off: LoginThrottle counts per account and client instead)
    assertThat(engine.getLoginDelayBase()).isZero();
    assertThat(engine.getLoginMaxAttempts()).isEqualTo(Integer.MAX_VALUE);
    assertThat(engine.isEnforceHistoryTimeToLive()).isTrue();
  }

  @Test
  void readinessAsksTheDatabaseAndTheEngine() {
    var readiness = (CompositeHealth) health.healthForPath("readiness");
    assertThat(readiness.getStatus()).isEqualTo(Status.UP);
    assertThat(readiness.getComponents()).containsKeys("readinessState", "db", "processEngine");
    assertThat(health.healthForPath("liveness").getStatus()).isEqualTo(Status.UP);
  }

  @Test
  void flywayBuiltTheSchemaOnPostgres() throws Exception {
    try (var connection = dataSource.getConnection()) {
      assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
    }
    var jdbc = new JdbcTemplate(dataSource);
    var tables = jdbc.queryForList(
        "select table_name from information_schema.tables where table_schema = 'public'", String.class);
    assertThat(tables).contains("municipality", "measure", "self_assessment", "review_decision", "act_ru_execution");
    assertThat(jdbc.queryForObject("select count(*) from flyway_schema_history where not success", Integer.class))
        .isZero();
    assertThat(jdbc.queryForObject("select count(*) from flyway_schema_history where success", Integer.class))
        .isPositive();
  }

  @Test
  void theAdministratorComesFromTheEnvironment() {
    assertThat(identity.checkPassword(ADMIN, ADMIN_PASSWORD)).isTrue();
    assertThat(identity.createUserQuery().userId(ADMIN).memberOfGroup(GroupNames.ADMIN).count()).isEqualTo(1);
  }

  @Test
  void nothingOfTheDemoIsSeeded() {
    assertThat(identity.createUserQuery().userIdIn("demo", "jimukyoku", "env-staff").list()).isEmpty();
  }

  @Autowired
  EmissionFactorService factors;

  @Autowired
  ActivityImportService activityData;

  @Autowired
  EmissionCalculator calculator;

  @Autowired
  InventoryReportService inventories;

  /** The calculation's SQL (NUMERIC arithmetic, cast, boolean current flag) as PostgreSQL runs it. */
  @Test
  void emissionsAreCalculatedOnPostgres() throws Exception {
    try (var plan = new ClassPathResource("plan/demo-city.json").getInputStream()) {
      importer.importPlan(plan);
    }
    factors.add(new FactorView("PG_ELECTRICITY", FactorKind.ELECTRICITY, "テスト電力", "kWh", Gas.CO2,
        new BigDecimal("0.000441"), 2020, null, "テスト用", false));
    var csv = "部門,小部門,燃料,活動量,単位,出典\n業務その他,,PG_ELECTRICITY,1500,MWh,販売実績\n"
        + "産業,,,12.5,t-CO2,推計\n";
    activityData.importCsv("999999", 2022, csv, "初回算定", ADMIN);
    calculator.calculateLatest("999999", 2022, ADMIN);
    calculator.calculate("999999", 2022, "再算定", ADMIN);

    var report = inventories.report("999999", 2022);
    // 1,500 MWh = 1,500,000 kWh × 0.000441 = 661.5, plus 12.5 t-CO2
    assertThat(report.total()).isEqualTo(new BigDecimal("674.000000"));
    assertThat(report.version().version()).isEqualTo(2);
    assertThat(report.versions()).hasSize(2);
  }

  @Test
  void aPlanLoadsAndItsCycleStartsOnPostgres() throws Exception {
    try (var plan = new ClassPathResource("plan/demo-city.json").getInputStream()) {
      var imported = importer.importPlan(plan);
      assertThat(imported.municipality()).isEqualTo("999999");
      assertThat(imported.measures()).isPositive();
    }

    var cycle = starter.start("999999", 2030, ADMIN);

    assertThat(cycle.businessKey()).isEqualTo("999999:2030");
    var instances = runtime.createProcessInstanceQuery().processInstanceBusinessKey("999999:2030").list();
    assertThat(instances).extracting(i -> i.getId()).isEqualTo(List.of(cycle.processInstanceId()));
  }

  @Autowired
  PlanIndicatorService indicators;

  @Autowired
  IndicatorService grades;

  @Autowired
  LocalFactorService localFactors;

  /** Indicators, their grades, the target path and a local factor, as PostgreSQL stores and computes them. */
  @Test
  void indicatorsTargetPathAndLocalFactorsOnPostgres() throws Exception {
    try (var plan = new ClassPathResource("plan/demo-city.json").getInputStream()) {
      importer.importPlan(plan);
    }
    indicators.record("999999", 2027, List.of(new ActualValueInput("ENV-01-1", new BigDecimal("45"), "台帳")), ADMIN);
    var env = grades.grades("999999", 2028).stream().filter(g -> g.code().equals("ENV-01-1")).findFirst().orElseThrow();
    // 12 (2022) → 60 (2030): path 2027 = 42, so 45 is on track
    assertThat(env.grade()).isEqualTo(IndicatorGrade.ON_TRACK);
    assertThat(env.pathValue()).isEqualByComparingTo("42");

    factors.add(new FactorView("PG_GRID", FactorKind.ELECTRICITY, "テスト電力（地域）", "kWh", Gas.CO2,
        new BigDecimal("0.000441"), 2020, null, "テスト用", false));
    localFactors.add("999999", new LocalFactorView("999999", "PG_GRID", Gas.CO2, new BigDecimal("0.0003"), 2023, 2023,
        "地域新電力の公表値", null, null), ADMIN);
    activityData.importCsv("999999", 2023, "部門,小部門,燃料,活動量,単位,出典\n業務その他,,PG_GRID,1000,MWh,販売実績\n",
        "初回算定", ADMIN);
    calculator.calculateLatest("999999", 2023, ADMIN);
    var report = inventories.report("999999", 2023);
    assertThat(report.total()).isEqualByComparingTo("300");
    // the plan's 1,250,000 t in 2013 towards 675,000 t in 2030: 1,250,000 − 575,000 × 10/17
    assertThat(report.targetPath().pathTotal()).isEqualByComparingTo("911764.705882");
  }

  @Autowired
  RepositoryService repository;

  @Autowired
  TransactionTemplate transaction;

  @Autowired
  PostgresTaskQueryTuning tuning;

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
        and ( (RES.CASE_EXECUTION_ID_ IS NOT NULL) OR (AUTH.RESOURCE_ID_ IS NOT NULL) ) and (RES.TENANT_ID_ is null )
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
        runtime.startProcessInstanceByKey("plan-check");
      }
    });
    var jdbc = new JdbcTemplate(dataSource);
    var count = GROUP_TASK_COUNT.formatted("999998-d01-staff-1", group);
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
      engine.getIdentityService().setAuthentication(user, List.of(group));
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
        .mapToObj(i -> runtime.startProcessInstanceByKey("grant-check", java.util.Map.of("n", i)).getId())
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
    // tasks through its group, which the engine keeps only if the groups' look-up answered it)
    assertThat(output.getOut()).contains("AUTH_D ON (AUTH_D.RESOURCE_ID_ = D.KEY_)")
        .doesNotContain("AUTH ON (AUTH.RESOURCE_ID_ IN")
        .contains("with recursive G (ID_) as").doesNotContain("SELECT distinct(A.GROUP_ID_)");
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
    engine.getIdentityService().setAuthentication(user, groups);
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
    engine.getIdentityService().setAuthentication(user, groups);
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

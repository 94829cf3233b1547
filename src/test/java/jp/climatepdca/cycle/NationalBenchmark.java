package jp.climatepdca.cycle;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.climatepdca.ClimatePdcaApplication;
import jp.climatepdca.identity.GroupNames;
import jp.climatepdca.identity.TenantDirectory;
import jp.climatepdca.identity.TenantDirectory.GroupSpec;
import jp.climatepdca.testing.Http;
import jp.climatepdca.testing.LocalPostgres;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Not a test (verify does not run it): the national case of issue #18 on PostgreSQL, in the prod
 * configuration with authorizations and tenants on. 1,741 municipalities (every municipality of Japan),
 * each a Camunda tenant with its role groups as TenantDirectory makes them when a plan is loaded
 * (secretariat, eight departments' staff and heads: each group a tenant member with Tasklist access), and
 * 100,000 open tasks in the engine, each in its municipality's tenant (the tenant of its business key) and
 * offered to one of its departments: about 57 a municipality, 7 a department. Then Tasklist's task query
 * (the グループのタスク filter's list as HAL and its count) of one department's user through HTTP, as
 * LargeCityBenchmark measures it: through /engine-rest and through Tasklist's own API with a session.
 * Also a department that holds none of them, and the check that each user sees exactly their
 * department's tasks. docs/performance.md says how to run it and what it measured.
 *
 * <p>Options: {@code -Dnational.tenants=1741 -Dnational.tasks=100000} (smaller to try it out),
 * {@code -Dnational.hold=600} keeps the database up after the queries (EXPLAIN ANALYZE in psql),
 * {@code -Dnational.sql=true} prints the task list's and count's statements with their parameters first.
 */
public final class NationalBenchmark {

  private static final int TENANTS = Integer.getInteger("national.tenants", 1741);
  private static final int OPEN_TASKS = Integer.getInteger("national.tasks", 100_000);
  private static final int DEPARTMENTS = 8;
  private static final int FIRST_CODE = 800_000;
  private static final String FLOOR = "national-floor";

  private NationalBenchmark() {}

  public static void main(String[] args) throws Exception {
    System.out.println("max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB, "
        + Runtime.getRuntime().availableProcessors() + " CPUs, load at start " + loadAverage());
    var spec = new LocalPostgres.Spec("climatepdca", "climatepdca", "benchmark");
    try (var postgres = LocalPostgres.start(spec)) {
      var properties = List.of("server.port=0", "logging.level.root=WARN",
          "camunda.bpm.process-engine-name=national",
          "camunda.bpm.job-execution.enabled=false",
          "ADMIN_USER=admin", "ADMIN_PASSWORD=" + java.util.UUID.randomUUID(),
          "DB_URL=" + postgres.jdbcUrl(spec.database()), "DB_USER=" + spec.user(), "DB_PASSWORD=" + spec.password());
      var start = System.nanoTime();
      var context = new SpringApplicationBuilder(ClimatePdcaApplication.class).profiles("prod")
          .run(properties.stream().map(p -> "--" + p).toArray(String[]::new));
      progress("started in %.1f s", (System.nanoTime() - start) / 1e9);
      try {
        System.out.println(run(context));
      } finally {
        context.close();
      }
    }
  }

  private static String run(ConfigurableApplicationContext context) throws Exception {
    var transactions = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
    var runtime = context.getBean(RuntimeService.class);
    context.getBean(RepositoryService.class).createDeployment().name(FLOOR).addModelInstance(FLOOR + ".bpmn",
        Bpmn.createExecutableProcess(FLOOR).name("全国ベンチマーク").camundaHistoryTimeToLive(1)
            .startEvent("Event_Start").userTask("Task_Floor").name("確認").camundaCandidateGroups("${candidateGroup}")
            .endEvent("Event_End").done()).deploy();

    // the first municipality the way a plan load makes it, and its first task through the engine; the others
    // are copies of their rows (each a tenant of its own, with its own groups and grants, each task in its
    // municipality's tenant and offered to one of its departments): through the engine 100,000 instances took
    // about 40 minutes on the shared machine, and the query reads only these rows
    var start = System.nanoTime();
    var directory = context.getBean(TenantDirectory.class);
    var db = context.getBean(JdbcTemplate.class);
    transactions.executeWithoutResult(status -> directory.ensure(code(0), "自治体0", groups(code(0))));
    var template = code(0);
    var tenant = "(" + FIRST_CODE + " + g)::text";
    transactions.executeWithoutResult(status -> {
      clone(db, "act_id_tenant", "t.id_ = '" + template + "'", TENANTS - 1,
          Map.of("id_", tenant, "name_", "'自治体' || g"));
      clone(db, "act_id_group", "t.id_ like '" + template + "-%'", TENANTS - 1,
          Map.of("id_", "replace(t.id_, '" + template + "', " + tenant + ")"));
      clone(db, "act_id_tenant_member", "t.tenant_id_ = '" + template + "'", TENANTS - 1,
          Map.of("id_", "t.id_ || '-' || g", "tenant_id_", tenant,
              "group_id_", "replace(t.group_id_, '" + template + "', " + tenant + ")"));
      clone(db, "act_ru_authorization", "t.group_id_ like '" + template + "-%'", TENANTS - 1,
          Map.of("id_", "t.id_ || '-' || g", "group_id_", "replace(t.group_id_, '" + template + "', " + tenant + ")"));
    });
    var tenantsSeconds = (System.nanoTime() - start) / 1e9;
    progress("%,d tenants with %d groups each in %.1f s", TENANTS, 1 + 2 * DEPARTMENTS, tenantsSeconds);

    start = System.nanoTime();
    var first = runtime.startProcessInstanceByKey(FLOOR, code(0) + ":open:0",
        Map.of("candidateGroup", GroupNames.departmentStaff(code(0), department(0))));
    var taskTenant = "(" + FIRST_CODE + " + g % " + TENANTS + ")::text";
    var group = taskTenant + " || '-d' || lpad(((g / " + TENANTS + ") % " + DEPARTMENTS + " + 1)::text, 2, '0') || '-staff'";
    var instance = "'n' || g";
    var task = "'nt' || g";
    transactions.executeWithoutResult(status -> {
      var id = first.getId();
      var taskId = db.queryForObject("select id_ from act_ru_task where proc_inst_id_ = ?", String.class, id);
      clone(db, "act_ru_execution", "t.id_ = '" + id + "'", OPEN_TASKS - 1, Map.of("id_", instance,
          "proc_inst_id_", instance, "root_proc_inst_id_", instance, "business_key_", taskTenant + " || ':open:' || g",
          "tenant_id_", taskTenant));
      clone(db, "act_ru_task", "t.id_ = '" + taskId + "'", OPEN_TASKS - 1, Map.of("id_", task, "execution_id_", instance,
          "proc_inst_id_", instance, "tenant_id_", taskTenant,
          "create_time_", "t.create_time_ - g * interval '1 second'",
          // half of them past their due date (the 期限超過 filter's and the overdue API's rows), half due in a month
          "due_date_", "case when g % 2 = 0 then now() - (g % 1000) * interval '1 hour' else now() + interval '30 days' end"));
      clone(db, "act_ru_identitylink", "t.task_id_ = '" + taskId + "'", OPEN_TASKS - 1, Map.of("id_", "'nl' || g",
          "task_id_", task, "group_id_", group, "tenant_id_", taskTenant));
      clone(db, "act_ru_authorization", "t.resource_id_ = '" + taskId + "'", OPEN_TASKS - 1, Map.of("id_", "'na' || g",
          "resource_id_", task, "group_id_", group, "root_proc_inst_id_", instance));
      clone(db, "act_ru_variable", "t.proc_inst_id_ = '" + id + "'", OPEN_TASKS - 1, Map.of("id_", "'nv' || g",
          "execution_id_", instance, "proc_inst_id_", instance, "var_scope_", instance, "text_", group,
          "tenant_id_", taskTenant));
    });
    var tasksSeconds = (System.nanoTime() - start) / 1e9;
    progress("%,d open tasks made in %.1f s", OPEN_TASKS, tasksSeconds);

    var measured = code(TENANTS / 2);
    var identity = context.getBean(IdentityService.class);
    var holding = user(identity, measured, "d01");
    // a ninth department of the same municipality, offered none of the tasks
    directory.ensure(measured, "自治体" + TENANTS / 2, List.of(new GroupSpec(
        GroupNames.departmentStaff(measured, "d09"), "d09 担当者", "DEPARTMENT_STAFF")));
    var none = user(identity, measured, "d09");
    var expected = context.getBean(TaskService.class).createTaskQuery()
        .taskCandidateGroup(GroupNames.departmentStaff(measured, "d01")).count();

    db.execute("analyze act_ru_task; analyze act_ru_identitylink; analyze act_ru_authorization;"
        + " analyze act_ru_execution; analyze act_id_tenant_member");
    var port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    var engineName = context.getEnvironment().getProperty("camunda.bpm.process-engine-name");
    var groupFilter = context.getBean(FilterService.class).createFilterQuery().filterName("グループのタスク")
        .singleResult().getId();
    var otherWork = otherDepartmentsWork(runtime, context.getBean(TaskService.class), code(TENANTS / 3));
    var seen = count(port, holding);
    if (seen != expected || count(port, none) != 0) {
      throw new IllegalStateException(holding + " sees " + seen + " tasks, its department holds " + expected
          + "; " + none + " sees " + count(port, none));
    }
    if (Boolean.getBoolean("national.sql")) {
      // the statements of one list and count of each user, with their parameters (for EXPLAIN ANALYZE in psql)
      var logging = org.springframework.boot.logging.LoggingSystem.get(NationalBenchmark.class.getClassLoader());
      var statements = "org.camunda.bpm.engine.impl.persistence.entity.TaskEntity";
      logging.setLogLevel(statements, org.springframework.boot.logging.LogLevel.DEBUG);
      for (var user : List.of(none, holding)) {
        Http.as(port, user).accepting("application/hal+json").postRaw("/engine-rest/engine/" + engineName + "/filter/"
            + groupFilter + "/list?firstResult=0&maxResults=15", "{\"sorting\": [{\"sortBy\": \"created\", \"sortOrder\": \"desc\"}]}");
        Http.as(port, user).postRaw("/engine-rest/engine/" + engineName + "/filter/" + groupFilter + "/count", "{}");
      }
      logging.setLogLevel(statements, null);
    }
    var loadBefore = loadAverage();
    var withNone = LargeCityBenchmark.query(port, engineName, groupFilter, none, "a department holding none", otherWork);
    var withSome = LargeCityBenchmark.query(port, engineName, groupFilter, holding,
        "a department holding " + expected + " of them", otherWork);
    var overdue = overdue(context, port, engineName, measured, otherWork);
    var loadAfter = loadAverage();
    var hold = Integer.getInteger("national.hold", 0);
    if (hold > 0) {
      progress("holding %s for %d s", context.getEnvironment().getProperty("spring.datasource.url"), hold);
      Thread.sleep(hold * 1000L);
    }
    return String.format("""
        == PostgreSQL: %,d tenants, %,d open tasks ==
        tenants and groups made in %.1f s; open tasks made in %.1f s (%.0f a second)
        %,d tasks in ACT_RU_TASK, %,d rows in ACT_RU_AUTHORIZATION, %,d in ACT_RU_IDENTITYLINK, %,d groups
        the measured municipality %s: %s sees its department's %d tasks, %s none
        %s
        %s
        %s
        load average before the queries %s, after %s""", TENANTS, OPEN_TASKS, tenantsSeconds, tasksSeconds,
        OPEN_TASKS / tasksSeconds, db.queryForObject("select count(*) from act_ru_task", Long.class),
        db.queryForObject("select count(*) from act_ru_authorization", Long.class),
        db.queryForObject("select count(*) from act_ru_identitylink", Long.class),
        db.queryForObject("select count(*) from act_id_group", Long.class), measured, holding, expected, none,
        withNone, withSome, overdue, loadBefore, loadAfter);
  }

  /**
   * The secretariat's views of what is late (docs/deadlines.md): the 期限超過 filter of a secretariat member who
   * also holds department d01's tasks (so it lists some: the tasks offered to it and past due), through HTTP as
   * Tasklist asks; and the overdue API's task query (tenant, business key prefix, due before now) in-process.
   */
  private static String overdue(org.springframework.context.ConfigurableApplicationContext context, int port,
      String engineName, String code, Runnable otherWork) throws Exception {
    var identity = context.getBean(IdentityService.class);
    var tasks = context.getBean(TaskService.class);
    var id = GroupNames.secretariat(code) + "-1";
    var user = identity.newUser(id);
    user.setFirstName(id);
    user.setLastName("ベンチマーク");
    user.setPassword(Http.PASSWORD);
    identity.saveUser(user);
    identity.createMembership(id, GroupNames.secretariat(code));
    identity.createMembership(id, GroupNames.departmentStaff(code, "d01"));
    var filter = context.getBean(FilterService.class).createFilterQuery().filterName("期限超過").singleResult().getId();
    var expected = tasks.createTaskQuery().taskCandidateGroup(GroupNames.departmentStaff(code, "d01"))
        .dueBefore(new java.util.Date()).count();
    var seen = Http.as(port, id).postRaw("/engine-rest/engine/" + engineName + "/filter/" + filter + "/count", "{}")
        .json().path("count").asLong();
    if (seen != expected || expected == 0) {
      throw new IllegalStateException(id + " sees " + seen + " overdue tasks in 期限超過, expected " + expected);
    }
    var filterTimes = LargeCityBenchmark.query(port, engineName, filter, id,
        "期限超過 of a secretariat member holding d01's " + expected + " overdue tasks", otherWork);
    var times = new ArrayList<Long>();
    var rows = 0;
    for (int i = 0; i < 40; i++) {
      var start = System.nanoTime();
      rows = tasks.createTaskQuery().tenantIdIn(code).processInstanceBusinessKeyLike(code + ":open%")
          .dueBefore(new java.util.Date()).orderByDueDate().asc().list().size();
      times.add((System.nanoTime() - start) / 1_000_000);
    }
    var measured = times.subList(10, times.size()).stream().sorted().toList();
    return String.format("%s%nthe overdue API's task query of municipality %s (%d rows): p50 %d ms, p95 %d ms (30 runs)",
        filterTimes, code, rows, measured.get(measured.size() / 2), measured.get((int) (measured.size() * 0.95)));
  }

  /**
   * Copies of the row(s) of {@code table} matching {@code where} (alias t), one for each g from 1 to
   * {@code copies}, with the given columns replaced by SQL expressions (of t's columns and g); the other
   * columns copied as they are. PostgreSQL's catalogue names the columns, so every column the engine wrote
   * is copied, whatever this engine's version has.
   */
  public static void clone(JdbcTemplate db, String table, String where, int copies, Map<String, String> replaced) {
    var columns = db.queryForList("select column_name from information_schema.columns where table_name = ?"
        + " and table_schema = current_schema() order by ordinal_position", String.class, table);
    var unknown = replaced.keySet().stream().filter(c -> !columns.contains(c)).toList();
    if (!unknown.isEmpty()) {
      throw new IllegalStateException(table + " has no column " + unknown + ": " + columns);
    }
    var select = columns.stream().map(c -> replaced.getOrDefault(c, "t." + c)).toList();
    var inserted = db.update("insert into " + table + " (" + String.join(", ", columns) + ") select "
        + String.join(", ", select) + " from " + table + " t cross join generate_series(1, " + copies + ") g where "
        + where);
    if (inserted == 0) {
      throw new IllegalStateException("nothing to copy in " + table + " where " + where);
    }
  }

  /** 800000, 800001, …: six digits, as municipality codes are. */
  private static String code(int tenant) {
    return Integer.toString(FIRST_CODE + tenant);
  }

  /** The department of the i-th task: spread over the municipality's departments. */
  private static String department(int task) {
    return String.format("d%02d", (task / TENANTS) % DEPARTMENTS + 1);
  }

  /** The role groups a plan load makes (GroupProvisioner), without headquarters and committee. */
  private static List<GroupSpec> groups(String code) {
    var groups = new ArrayList<GroupSpec>();
    groups.add(new GroupSpec(GroupNames.secretariat(code), "事務局", "SECRETARIAT"));
    for (var d = 1; d <= DEPARTMENTS; d++) {
      var department = String.format("d%02d", d);
      groups.add(new GroupSpec(GroupNames.departmentStaff(code, department), department + " 担当者", "DEPARTMENT_STAFF"));
      groups.add(new GroupSpec(GroupNames.departmentHead(code, department), department + " 所属長", "DEPARTMENT_HEAD"));
    }
    return groups;
  }

  private static String user(IdentityService identity, String code, String department) {
    var id = GroupNames.departmentStaff(code, department) + "-1";
    var user = identity.newUser(id);
    user.setFirstName(id);
    user.setLastName("ベンチマーク");
    user.setPassword(Http.PASSWORD);
    identity.saveUser(user);
    identity.createMembership(id, GroupNames.departmentStaff(code, department));
    return id;
  }

  /** The count of the user's グループのタスク, as Tasklist shows it (through /engine-rest). */
  private static long count(int port, String user) {
    var answer = Http.as(port, user).get("/engine-rest/engine/national/task/count?candidateGroup="
        + user.substring(0, user.length() - 2));
    if (answer.status() != 200) {
      throw new IllegalStateException(answer.toString());
    }
    return answer.json().path("count").asLong();
  }

  /** Another municipality's task changed before each request (not timed), as LargeCityBenchmark does. */
  private static Runnable otherDepartmentsWork(RuntimeService runtime, TaskService tasks, String code) {
    var key = code + ":other-department";
    runtime.startProcessInstanceByKey(FLOOR, key, Map.of("candidateGroup", GroupNames.departmentStaff(code, "d03")));
    var task = tasks.createTaskQuery().processInstanceBusinessKey(key).singleResult().getId();
    var priority = new java.util.concurrent.atomic.AtomicInteger(50);
    return () -> tasks.setPriority(task, priority.incrementAndGet());
  }

  private static void progress(String format, Object... values) {
    System.out.printf(java.time.LocalTime.now().withNano(0) + " " + format + " (load %s)%n",
        java.util.stream.Stream.concat(java.util.Arrays.stream(values), java.util.stream.Stream.of(loadAverage()))
            .toArray());
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).strip();
    } catch (java.io.IOException e) {
      return "unknown";
    }
  }
}

package jp.climatepdca.cycle;

import static jp.climatepdca.assessment.DepartmentSelfAssessmentProcess.TASK_ENTER;
import static jp.climatepdca.assessment.DepartmentSelfAssessmentProcess.TASK_HEAD_APPROVAL;
import static jp.climatepdca.assessment.DepartmentSelfAssessmentProcess.TASK_SECRETARIAT_REVIEW;
import static jp.climatepdca.cycle.FiscalYearCycleProcess.TASK_ACTION_DECISIONS;
import static jp.climatepdca.cycle.FiscalYearCycleProcess.TASK_COMMITTEE_REVIEW;
import static jp.climatepdca.cycle.FiscalYearCycleProcess.TASK_COMPILE_CHECK;
import static jp.climatepdca.cycle.FiscalYearCycleProcess.TASK_ENTER_ACTIVITY_DATA;
import static jp.climatepdca.cycle.FiscalYearCycleProcess.TASK_HEADQUARTERS_EVALUATION;
import static jp.climatepdca.cycle.FiscalYearCycleProcess.TASK_LIAISON_MEETING;
import static jp.climatepdca.cycle.FiscalYearCycleProcess.TASK_VERIFY_EMISSIONS;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import jp.climatepdca.ClimatePdcaApplication;
import jp.climatepdca.identity.GroupNames;
import jp.climatepdca.plan.PlanImportService;
import jp.climatepdca.publication.AnnualReportPublicationProcess;
import jp.climatepdca.testing.Http;
import jp.climatepdca.testing.LargePlan;
import jp.climatepdca.testing.LoadStats;
import jp.climatepdca.testing.LocalPostgres;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Not a test (verify does not run it): a whole fiscal year of a large city (40 departments, 400 measures,
 * with a liaison meeting) on H2 and on PostgreSQL, every task found in the user's Tasklist filter, claimed,
 * its form read and submitted as that user (authorizations on), returns included at every review level;
 * then, in the same engine, its floor: a one-user-task BPMN started and completed as often, the same way;
 * in {@link #ROUNDS} rounds, each year on a city of its own. Then 20,000 open tasks in the engine and the
 * Tasklist task query of a department through HTTP. Prints start-up time, tasks/s, our cost per task
 * against the floor's (each round and the median), the query's p95 and the peak heap.
 * Run it with -Xmx512m; docs/performance.md says how and what it measured.
 */
public final class LargeCityBenchmark {

  private static final LargePlan CITY = new LargePlan("720001", "大規模市", 40, 10, true);
  /** The same shape, smaller, worked first so that the code is loaded and the JIT has seen it. */
  private static final LargePlan WARM_UP = new LargePlan("720002", "ウォームアップ町", 8, 5, true);
  /**
   * Then a year of the large city's size and its floor, not counted (-Dlargecity.warmUpYear=false skips it):
   * after the small town alone each round was still faster than the one before (the third's ratio 0.2–0.3
   * below the first's), so the rounds measured the JIT warming up rather than a running server.
   */
  private static final LargePlan WARM_UP_CITY = new LargePlan("720003", "ウォームアップ市", 40, 10, true);
  private static final int YEAR = 2025;
  /**
   * Rounds of a year and its floor, each year on a city of its own (the same shape): on a shared machine
   * the floor alone varies by a third between runs, so one round cannot tell a change of 0.05 from noise;
   * five, since the medians of three rounds still moved by 0.2 between runs of the same code.
   */
  private static final int ROUNDS = Integer.getInteger("largecity.rounds", 5);
  private static final int OPEN_TASKS = 20_000;
  private static final int QUERIES = 200;
  private static final int WARM_UP_QUERIES = 5;
  private static final String FLOOR = "engine-floor";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TASK_LIST_BODY = """
      {"processVariables": [], "taskVariables": [], "caseInstanceVariables": [],
       "sorting": [{"sortBy": "created", "sortOrder": "desc"}]}""";

  private final ConfigurableApplicationContext context;
  private final TaskService tasks;
  private final FormService forms;
  private final FilterService filters;
  private final IdentityService identity;
  private final ManagementService management;
  private final RuntimeService runtime;
  private final HistoryService history;
  private final String groupFilter;
  private final String engineName;

  private LargeCityBenchmark(ConfigurableApplicationContext context) {
    this.context = context;
    this.tasks = context.getBean(TaskService.class);
    this.forms = context.getBean(FormService.class);
    this.filters = context.getBean(FilterService.class);
    this.identity = context.getBean(IdentityService.class);
    this.management = context.getBean(ManagementService.class);
    this.runtime = context.getBean(RuntimeService.class);
    this.history = context.getBean(HistoryService.class);
    this.engineName = context.getEnvironment().getProperty("camunda.bpm.process-engine-name");
    this.groupFilter = filters.createFilterQuery().filterName("グループのタスク").singleResult().getId();
  }

  public static void main(String[] args) throws Exception {
    var databases = args.length == 0 ? List.of("h2", "postgresql") : List.of(args);
    System.out.println("max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB, "
        + Runtime.getRuntime().availableProcessors() + " CPUs");
    for (var database : databases) {
      // printed at once: a later database's trouble does not take this one's numbers with it
      System.out.println(run(database));
    }
  }

  private static String run(String database) throws Exception {
    var heap = new PeakHeap();
    var load = new StringBuilder("load average at start ").append(loadAverage());
    LocalPostgres postgres = null;
    var properties = new ArrayList<>(List.of("server.port=0", "logging.level.root=WARN",
        "camunda.bpm.process-engine-name=largecity" + database,
        // jobs (timers, the multi-instance join) run in this thread, counted in the year's time
        "camunda.bpm.job-execution.enabled=false",
        "ADMIN_USER=admin", "ADMIN_PASSWORD=" + java.util.UUID.randomUUID()));
    // other settings to try, e.g. -Dlargecity.args="camunda.bpm.generic-properties.properties.cmmnEnabled=false"
    for (var extra : System.getProperty("largecity.args", "").split("\\s+")) {
      if (!extra.isBlank()) {
        properties.add(extra);
      }
    }
    if ("h2".equals(database)) {
      var dir = Files.createTempDirectory(Path.of("target"), "large-city-h2");
      // the settings of application.yaml's H2 file (WRITE_DELAY=0: every commit in the file before the answer);
      // -Dlargecity.h2=";NAME=value" tries more (a second DB_URL in largecity.args would be joined to this one)
      properties.addAll(List.of("DB_URL=jdbc:h2:file:" + dir.toAbsolutePath()
          + "/db;MODE=LEGACY;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;QUERY_CACHE_SIZE=128"
          + System.getProperty("largecity.h2", ""),
          "DB_USER=sa",
          "DB_PASSWORD="));
    } else {
      var spec = new LocalPostgres.Spec("climatepdca", "climatepdca", "benchmark");
      postgres = LocalPostgres.start(spec);
      properties.addAll(List.of("DB_URL=" + postgres.jdbcUrl(spec.database()), "DB_USER=" + spec.user(),
          "DB_PASSWORD=" + spec.password()));
    }
    var start = System.nanoTime();
    // as command-line arguments: SpringApplicationBuilder.properties() would lose to application.yaml
    var context = new SpringApplicationBuilder(ClimatePdcaApplication.class).profiles("prod")
        .run(properties.stream().map(p -> "--" + p).toArray(String[]::new));
    var startSeconds = (System.nanoTime() - start) / 1e9;
    progress(database + ": started in %.1f s", startSeconds);
    try {
      var bench = new LargeCityBenchmark(context);
      bench.deployFloor();
      if (!Boolean.parseBoolean(System.getProperty("largecity.year", "true"))) {
        // only the 20,000-task query, to work on it without waiting for a year each time
        bench.setUp(CITY);
        var query = bench.taskQuery(CITY);
        hold(context);
        return "== " + database + " ==\n(the year and the floor skipped: -Dlargecity.year=false)\n" + query;
      }
      bench.setUp(WARM_UP);
      bench.year(WARM_UP);
      bench.floor(WARM_UP, 100);
      if (Boolean.parseBoolean(System.getProperty("largecity.warmUpYear", "true"))) {
        bench.setUp(WARM_UP_CITY);
        var warmUpStart = System.nanoTime();
        var tasks = bench.year(WARM_UP_CITY);
        var warmUpYear = (System.nanoTime() - warmUpStart) / 1e9;
        var floorStart = System.nanoTime();
        bench.floor(WARM_UP_CITY, tasks);
        progress(database + ": warm-up year %.2f s, its floor %.2f s (not counted)", warmUpYear,
            (System.nanoTime() - floorStart) / 1e9);
      }
      var rounds = new ArrayList<Round>();
      var cpu = ManagementFactory.getThreadMXBean();
      for (var r = 0; r < ROUNDS; r++) {
        var city = r == 0 ? CITY : new LargePlan(String.format("7200%02d", 10 + r), CITY.name() + (r + 1),
            CITY.departments(), CITY.measuresPerDepartment(), true);
        bench.setUp(city);
        load.append("; before year ").append(r + 1).append(' ').append(loadAverage());
        var sql = new SqlStatistics(context, database);
        // CPU time of this thread as well as wall time: on a shared machine waiting for a CPU inflates the
        // wall time of whichever phase was unlucky; on H2 the database works in this thread too
        var yearCpu = cpu.getCurrentThreadCpuTime();
        var yearStart = System.nanoTime();
        var completed = bench.year(city);
        var yearSeconds = (System.nanoTime() - yearStart) / 1e9;
        var yearCpuSeconds = (cpu.getCurrentThreadCpuTime() - yearCpu) / 1e9;
        sql.print("the year");
        progress(database + ": year %d, %d tasks in %.2f s", r + 1, completed, yearSeconds);
        var floorCpu = cpu.getCurrentThreadCpuTime();
        var floorStart = System.nanoTime();
        bench.floor(city, completed);
        var floorSeconds = (System.nanoTime() - floorStart) / 1e9;
        var floorCpuSeconds = (cpu.getCurrentThreadCpuTime() - floorCpu) / 1e9;
        sql.print("the floor");
        progress(database + ": floor %d in %.2f s", r + 1, floorSeconds);
        rounds.add(new Round(completed, yearSeconds, floorSeconds, yearCpuSeconds, floorCpuSeconds));
      }

      load.append("; before the query ").append(loadAverage());
      var query = Boolean.parseBoolean(System.getProperty("largecity.query", "true")) ? bench.taskQuery(CITY)
          : "(the 20,000-task query skipped: -Dlargecity.query=false)";
      load.append("; at the end ").append(loadAverage());
      hold(context);
      var first = rounds.get(0);
      var table = new StringBuilder();
      for (var i = 0; i < rounds.size(); i++) {
        var r = rounds.get(i);
        table.append(String.format("  round %d: the year %d tasks in %.2f s (%.1f tasks/s), the floor %.2f s: %.2f;"
            + " CPU time of the working thread %.2f s / %.2f s: %.2f%n", i + 1, r.tasks(), r.year(),
            r.tasks() / r.year(), r.floor(), r.ratio(), r.yearCpu(), r.floorCpu(), r.cpuRatio()));
      }
      return String.format("""
          == %s ==
          start-up (empty database: schema, deployment, web server): %.1f s (target < 20 s)
          a year of %s (%d departments, %d measures, %d tasks) and the engine floor (one user task, started and
          completed as many times the same way), %d rounds, each year on a city of its own:
          %sthe year: median %.2f s, slowest %.2f s (target < 30 s on H2)
          our cost per task / the floor's: median %.2f of %d rounds (target <= 2.0); CPU time (no waiting for a
          CPU; on H2 the database's work included): median %.2f
          %s
          peak heap used (sampled every 50 ms): %d MB
          %s""", database, startSeconds, CITY.name(), CITY.departments(), CITY.measures(), first.tasks(),
          rounds.size(), table, median(rounds.stream().map(Round::year).toList()),
          rounds.stream().mapToDouble(Round::year).max().orElseThrow(), median(rounds.stream().map(Round::ratio).toList()), rounds.size(),
          median(rounds.stream().map(Round::cpuRatio).toList()), query, heap.stop() / (1024 * 1024), load);
    } finally {
      context.close();
      if (postgres != null) {
        postgres.close();
      }
    }
  }

  /** One round: a year and its floor, wall and working-thread CPU seconds. */
  private record Round(int tasks, double year, double floor, double yearCpu, double floorCpu) {

    double ratio() {
      return year / floor;
    }

    double cpuRatio() {
      return yearCpu / floorCpu;
    }
  }

  private static double median(List<Double> values) {
    var sorted = values.stream().sorted().toList();
    var middle = sorted.size() / 2;
    return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
  }

  /** The floor: the least a process with one user task costs the engine. */
  private void deployFloor() {
    var model = Bpmn.createExecutableProcess(FLOOR).name("エンジンの下限").camundaHistoryTimeToLive(1)
        .startEvent("Event_Start").userTask("Task_Floor").name("確認").camundaCandidateGroups("${candidateGroup}")
        .endEvent("Event_End").done();
    context.getBean(RepositoryService.class).createDeployment().name(FLOOR)
        .addModelInstance(FLOOR + ".bpmn", model).deploy();
  }

  private void setUp(LargePlan plan) {
    context.getBean(PlanImportService.class)
        .importPlan(new ByteArrayInputStream(plan.json().getBytes(StandardCharsets.UTF_8)));
    var m = plan.municipality();
    for (var d : plan.departmentCodes()) {
      user(m + "-" + d + "-staff", GroupNames.departmentStaff(m, d));
      user(m + "-" + d + "-head", GroupNames.departmentHead(m, d));
    }
    user(m + "-jimukyoku", GroupNames.secretariat(m));
    user(m + "-honbu", GroupNames.headquarters(m));
    user(m + "-iinkai", GroupNames.committee(m));
    user(m + "-renraku", GroupNames.liaison(m));
  }

  private void user(String id, String group) {
    var user = identity.newUser(id);
    user.setFirstName(id);
    user.setLastName("ベンチマーク");
    user.setPassword(Http.PASSWORD);
    identity.saveUser(user);
    identity.createMembership(id, group);
  }

  /**
   * The whole year: every department enters, its head approves (every tenth returns first), the
   * secretariat accepts (every twentieth returns first); the emissions; the check returned once by
   * headquarters and once by the committee; the liaison meeting; the Action. Returns the tasks completed.
   */
  private int year(LargePlan plan) {
    var m = plan.municipality();
    var cycle = m + ":" + YEAR;
    var started = context.getBean(CycleStarter.class).start(m, YEAR, m + "-jimukyoku");
    runJobs();
    var departments = plan.departmentCodes();
    for (var i = 0; i < departments.size(); i++) {
      var d = departments.get(i);
      var key = cycle + ":" + d;
      enter(m, d, key);
      if (i % 10 == 0) {
        review(m + "-" + d + "-head", key, TASK_HEAD_APPROVAL, "RETURN");
        enter(m, d, key);
      }
      review(m + "-" + d + "-head", key, TASK_HEAD_APPROVAL, "APPROVE");
      if (i % 20 == 1) {
        review(m + "-jimukyoku", key, TASK_SECRETARIAT_REVIEW, "RETURN");
        enter(m, d, key);
        review(m + "-" + d + "-head", key, TASK_HEAD_APPROVAL, "APPROVE");
      }
      review(m + "-jimukyoku", key, TASK_SECRETARIAT_REVIEW, "APPROVE");
      runJobs();
    }
    var secretariat = m + "-jimukyoku";
    work(secretariat, cycle, TASK_ENTER_ACTIVITY_DATA, form -> Map.of("reason", "初回算定",
        "csv", "部門,小部門,燃料,活動量,単位,出典,ガス\n産業,製造業,,12345.6,t-CO2,県の按分推計,CO2\n"
            + "運輸,自動車,,23456.7,t-CO2,国の推計,CO2\n"));
    runJobs();
    work(secretariat, cycle, TASK_VERIFY_EMISSIONS, form -> Map.of("decision", "APPROVE", "comment", ""));
    runJobs();
    work(secretariat, cycle, TASK_COMPILE_CHECK, form -> Map.of("summary", "全体として概ね順調。"));
    work(m + "-honbu", cycle, TASK_HEADQUARTERS_EVALUATION, form -> Map.of("decision", "RETURN",
        "comment", "遅れの原因分析を加えてください"));
    work(secretariat, cycle, TASK_COMPILE_CHECK, form -> Map.of("summary", "全体として概ね順調。遅れは予算の制約による。"));
    for (var round = 0; round < 2; round++) {
      work(m + "-honbu", cycle, TASK_HEADQUARTERS_EVALUATION, form -> Map.of("decision", "APPROVE",
          "comment", "", "evaluation", "計画は概ね順調に推移している。"));
      work(m + "-renraku", cycle, TASK_LIAISON_MEETING, form -> Map.of("minutes", "構成市町村で協議し了承した。"));
      var accept = round == 1;
      work(m + "-iinkai", cycle, TASK_COMMITTEE_REVIEW, form -> Map.of("decision", accept ? "APPROVE" : "RETURN",
          "comment", accept ? "" : "市民への周知状況を加えてください",
          "opinions", rows(List.of(Map.of("measureCode", "", "opinion", "周知の方法を工夫すること")))));
      if (!accept) {
        work(secretariat, cycle, TASK_COMPILE_CHECK, form -> Map.of("summary", "周知状況を追記した総括。"));
      }
    }
    work(secretariat, cycle, TASK_ACTION_DECISIONS, form -> {
      var measures = list(form.get("measures"));
      measures.forEach(row -> row.put("decision", "CONTINUE"));
      return Map.of("measures", rows(measures));
    });
    runJobs();
    // the annual report: in parallel with the Action step in the BPMN, worked after it here
    var report = cycle + AnnualReportPublicationProcess.BUSINESS_KEY_SUFFIX;
    work(secretariat, report, AnnualReportPublicationProcess.TASK_PREPARE_REPORT, form -> {
      var responses = list(form.get("responses"));
      responses.forEach(row -> row.put("response", "ご意見を踏まえ、来年度の周知に反映する"));
      return Map.of("summary", "計画は概ね順調に推移している。", "changeNote", "", "responses", rows(responses));
    });
    work(m + "-honbu", report, AnnualReportPublicationProcess.TASK_APPROVE_PUBLICATION,
        form -> Map.of("decision", "APPROVE", "comment", ""));
    work(secretariat, report, AnnualReportPublicationProcess.TASK_PUBLISH_REPORT,
        form -> Map.of("decision", "APPROVE", "comment", ""));
    runJobs();
    if (history.createHistoricProcessInstanceQuery().processInstanceId(started.processInstanceId()).finished()
        .count() != 1) {
      throw new IllegalStateException("the year of " + plan.name() + " did not finish");
    }
    return (int) history.createHistoricTaskInstanceQuery().processInstanceBusinessKeyLike(cycle + "%").finished()
        .count();
  }

  private void enter(String m, String department, String key) {
    work(m + "-" + department + "-staff", key, TASK_ENTER, form -> {
      var measures = list(form.get("measures"));
      measures.forEach(row -> {
        row.put("progress", "ON_TRACK");
        row.put("achievements", row.get("measureName") + "を計画どおり実施した");
      });
      return Map.of("measures", rows(measures));
    });
  }

  private void review(String user, String key, String taskKey, String decision) {
    work(user, key, taskKey, form -> Map.of("decision", decision,
        "comment", "RETURN".equals(decision) ? "実績の数値を追記してください" : "確認しました"));
  }

  /**
   * One task as its user works it in Tasklist: the グループのタスク filter searched for the task (15 a
   * page), claim, the form's variables, submit.
   */
  private void work(String user, String businessKey, String taskKey, UnaryOperator<Map<String, Object>> fill) {
    // as the doors authenticate: the user's groups and tenants (docs/tenants.md)
    identity.setAuthentication(user, identity.createGroupQuery().groupMember(user).list().stream()
        .map(g -> g.getId()).toList(), identity.createTenantQuery().userMember(user).includingGroupsOfUser(true)
        .list().stream().map(t -> t.getId()).toList());
    try {
      var found = filters.<Task, org.camunda.bpm.engine.task.TaskQuery>listPage(groupFilter,
          tasks.createTaskQuery().processInstanceBusinessKey(businessKey).taskDefinitionKey(taskKey), 0, 15);
      if (found.isEmpty()) {
        throw new IllegalStateException(user + " has no " + taskKey + " of " + businessKey);
      }
      var id = found.get(0).getId();
      tasks.claim(id, user);
      var form = new HashMap<String, Object>();
      forms.getTaskFormVariables(id).forEach(form::put);
      forms.submitTaskForm(id, fill.apply(form));
    } finally {
      identity.clearAuthentication();
    }
  }

  /** What the job executor would do at once: timers that are due, the multi-instance join, ... */
  private void runJobs() {
    while (true) {
      var due = management.createJobQuery().executable().list().stream()
          .filter(j -> j.getProcessInstanceId() != null).toList();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> management.executeJob(job.getId()));
    }
  }

  /** -Dlargecity.hold=600: the database stays up that long after the queries, for EXPLAIN ANALYZE in psql. */
  private static void hold(org.springframework.context.ConfigurableApplicationContext context)
      throws InterruptedException {
    var hold = Integer.getInteger("largecity.hold", 0);
    if (hold > 0) {
      progress("holding %s for %d s", context.getEnvironment().getProperty("spring.datasource.url"), hold);
      Thread.sleep(hold * 1000L);
    }
  }

  /** The floor, as many times as the year completed tasks: started, then found, claimed, read, submitted. */
  private void floor(LargePlan plan, int times) {
    var user = plan.municipality() + "-d01-staff";
    var group = GroupNames.departmentStaff(plan.municipality(), "d01");
    for (var i = 0; i < times; i++) {
      var key = plan.municipality() + ":floor:" + i;
      runtime.startProcessInstanceByKey(FLOOR, key, Map.of("candidateGroup", group));
      work(user, key, "Task_Floor", form -> Map.of());
    }
  }

  /**
   * 20,000 open tasks in the engine, all offered to one department; then Tasklist's list (the filter, 15
   * newest, HAL as Tasklist asks) and count through HTTP, as that department and as another one.
   */
  private String taskQuery(LargePlan plan) throws Exception {
    var group = GroupNames.departmentStaff(plan.municipality(), "d01");
    var transactions = new TransactionTemplate(context.getBean(
        org.springframework.transaction.PlatformTransactionManager.class));
    var start = System.nanoTime();
    for (var batch = 0; batch < OPEN_TASKS / 500; batch++) {
      var first = batch * 500;
      transactions.executeWithoutResult(status -> {
        for (var i = first; i < first + 500; i++) {
          runtime.startProcessInstanceByKey(FLOOR, plan.municipality() + ":open:" + i,
              Map.of("candidateGroup", group));
        }
      });
    }
    var created = (System.nanoTime() - start) / 1e9;
    progress("%,d open tasks started in %.1f s", OPEN_TASKS, created);
    var statistics = freshStatistics();
    var openTasks = tasks.createTaskQuery().count();
    var port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    var otherWork = otherDepartmentsWork(plan);
    return String.format("%,d open tasks in the engine (%,d started in %.1f s)%n%s%n%s%n%s", openTasks, OPEN_TASKS,
        created, statistics,
        query(port, engineName, groupFilter, plan.municipality() + "-d02-staff", "a department holding none of them",
            otherWork),
        query(port, engineName, groupFilter, plan.municipality() + "-d01-staff", "the department holding all 20,000",
            otherWork));
  }

  /**
   * A change to a task of a third department, made before each request (not timed), as other people's
   * work changes the tasks all day: H2 answers a statement it has cached with its last result as long as
   * none of the tables it reads has changed, which would time a cache rather than the query (the H2
   * query times dropped from 250–600 ms to 10–30 ms with the statement cache of application.yaml).
   */
  private Runnable otherDepartmentsWork(LargePlan plan) {
    var key = plan.municipality() + ":other-department";
    runtime.startProcessInstanceByKey(FLOOR, key,
        Map.of("candidateGroup", GroupNames.departmentStaff(plan.municipality(), "d03")));
    var task = tasks.createTaskQuery().processInstanceBusinessKey(key).singleResult().getId();
    var priority = new java.util.concurrent.atomic.AtomicInteger(50);
    return () -> tasks.setPriority(task, priority.incrementAndGet());
  }

  /**
   * On PostgreSQL, the planner's statistics of the tables the task query reads, brought up to date as
   * autovacuum would within a minute or so of 20,000 inserts: a department does not gather 20,000 open
   * tasks in the minute this benchmark takes, and a plan made from statistics that still count none of
   * them is not the plan production gets. Prints what autovacuum had done by then.
   */
  private String freshStatistics() {
    var db = context.getBean(org.springframework.jdbc.core.JdbcTemplate.class);
    if (!"PostgreSQL".equals(db.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName()))) {
      return "(H2: no planner statistics to bring up to date)";
    }
    var tables = "act_ru_task, act_ru_identitylink, act_ru_authorization";
    var before = db.queryForList("select relname, n_mod_since_analyze, last_autoanalyze from pg_stat_user_tables"
        + " where relname in ('act_ru_task', 'act_ru_identitylink', 'act_ru_authorization') order by relname");
    db.execute("analyze " + tables);
    return "planner statistics analyzed before the queries (" + tables + "); autovacuum had left: " + before;
  }

  /**
   * The filter's list (HAL, 15 newest, as Tasklist asks it) and count, through /engine-rest with HTTP Basic
   * and through Tasklist's own engine API with a logged-in session, one after the other (NationalBenchmark too).
   */
  static String query(int port, String engineName, String groupFilter, String user, String who, Runnable otherWork)
      throws Exception {
    var hal = Http.as(port, user).accepting("application/hal+json");
    var plain = Http.as(port, user);
    var filter = "/engine-rest/engine/" + engineName + "/filter/" + groupFilter;
    var tasklist = jp.climatepdca.testing.WebappSession.logIn(port, user, engineName);
    var tasklistFilter = "/api/engine/engine/" + engineName + "/filter/" + groupFilter;
    var stats = new LoadStats();
    var start = System.nanoTime();
    // at most 30 s of it: a slow query is reported as slow, not waited for
    var until = System.nanoTime() + 30_000_000_000L;
    var pool = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
      var thread = new Thread(r);
      thread.setDaemon(true);
      return thread;
    });
    for (var i = 0; i < QUERIES + WARM_UP_QUERIES && System.nanoTime() < until; i++) {
      var list = timed(pool, otherWork,
          () -> hal.postRaw(filter + "/list?firstResult=0&maxResults=15", TASK_LIST_BODY));
      var count = list == null ? null : timed(pool, otherWork, () -> plain.postRaw(filter + "/count", "{}"));
      var sessionList = count == null ? null : timed(pool, otherWork, () -> tasklist.post(tasklistFilter
          + "/list?firstResult=0&maxResults=15", TASK_LIST_BODY, "application/hal+json"));
      var sessionCount = sessionList == null ? null : timed(pool, otherWork,
          () -> tasklist.post(tasklistFilter + "/count", "{}", "application/json"));
      if (sessionCount == null) {
        return "Tasklist task query of " + who + ": a request did not answer within 30 s";
      }
      if (list.answer().status() != 200 || count.answer().status() != 200
          || sessionList.answer().statusCode() != 200 || sessionCount.answer().statusCode() != 200) {
        throw new IllegalStateException(list.answer() + " / " + count.answer() + " / "
            + sessionList.answer().body() + " / " + sessionCount.answer().body());
      }
      if (i >= WARM_UP_QUERIES) {
        stats.record("list", 200, list.nanos());
        stats.record("count", 200, count.nanos());
        stats.record("list+count", 200, list.nanos() + count.nanos());
        stats.record("Tasklist session: list", 200, sessionList.nanos());
        stats.record("Tasklist session: count", 200, sessionCount.nanos());
      }
      if (i == WARM_UP_QUERIES) {
        System.out.println(user + " sees " + count.answer().json().path("count").asLong() + " tasks");
      }
    }
    return "Tasklist task query of " + who + " through /engine-rest (HTTP Basic) and through Tasklist's own"
        + " engine API (a logged-in session), after " + WARM_UP_QUERIES + " warm-up (at most " + QUERIES
        + " or 30 s):\n" + stats.table((System.nanoTime() - start) / 1e9).stripTrailing();
  }

  private record Timed<T>(T answer, long nanos) {}

  /** Other people's work first (not timed), then the request, timed; null when it did not answer in 30 s. */
  private static <T> Timed<T> timed(java.util.concurrent.ExecutorService pool, Runnable otherWork,
      java.util.concurrent.Callable<T> request) {
    otherWork.run();
    var start = System.nanoTime();
    var answer = within(pool, request);
    return answer == null ? null : new Timed<>(answer, System.nanoTime() - start);
  }

  /** The answer, or null when there is none within 30 s (the server goes on working on it). */
  private static <T> T within(java.util.concurrent.ExecutorService pool, java.util.concurrent.Callable<T> call) {
    try {
      return pool.submit(call).get(30, java.util.concurrent.TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      return null;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static Object rows(List<?> rows) {
    try {
      return SpinValues.jsonValue(JSON.writeValueAsString(rows)).create();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Object json) {
    try {
      return JSON.readValue(json.toString(), List.class);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
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

  /**
   * With -Dlargecity.sqlStats=true on H2: the statements that took most of the time, and how often each
   * ran (H2's own query statistics), to see what a phase costs.
   */
  private static final class SqlStatistics {

    private final org.springframework.jdbc.core.JdbcTemplate db;

    SqlStatistics(ConfigurableApplicationContext context, String database) {
      this.db = "h2".equals(database) && Boolean.getBoolean("largecity.sqlStats")
          ? context.getBean(org.springframework.jdbc.core.JdbcTemplate.class) : null;
      reset();
    }

    private void reset() {
      if (db != null) {
        db.execute("SET QUERY_STATISTICS FALSE");
        db.execute("SET QUERY_STATISTICS_MAX_ENTRIES 5000");
        db.execute("SET QUERY_STATISTICS TRUE");
      }
    }

    void print(String phase) {
      if (db == null) {
        return;
      }
      var total = db.queryForMap("select sum(execution_count) n, sum(cumulative_execution_time) ms"
          + " from information_schema.query_statistics");
      System.out.printf("SQL of %s: %s statements, %s ms in H2; the costliest:%n", phase, total.get("N"), total.get("MS"));
      db.queryForList("select execution_count n, cumulative_execution_time ms, sql_statement s"
          + " from information_schema.query_statistics order by cumulative_execution_time desc limit 25")
          .forEach(r -> System.out.printf("%6s %8.1f ms  %s%n", r.get("N"), ((Number) r.get("MS")).doubleValue(),
              String.valueOf(r.get("S")).replaceAll("\\s+", " ").substring(0,
                  Math.min(260, String.valueOf(r.get("S")).replaceAll("\\s+", " ").length()))));
      reset();
    }
  }

  /** The most heap in use at any moment, sampled from a daemon thread. */
  private static final class PeakHeap {

    private final java.util.concurrent.atomic.AtomicLong peak = new java.util.concurrent.atomic.AtomicLong();
    private final Thread sampler;

    PeakHeap() {
      var memory = ManagementFactory.getMemoryMXBean();
      sampler = new Thread(() -> {
        while (!Thread.currentThread().isInterrupted()) {
          peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
          try {
            Thread.sleep(50);
          } catch (InterruptedException e) {
            return;
          }
        }
      });
      sampler.setDaemon(true);
      sampler.start();
    }

    long stop() {
      sampler.interrupt();
      return peak.get();
    }
  }
}

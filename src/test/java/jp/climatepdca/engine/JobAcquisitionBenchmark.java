package jp.climatepdca.engine;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.climatepdca.ClimatePdcaApplication;
import jp.climatepdca.cycle.NationalBenchmark;
import jp.climatepdca.testing.LocalPostgres;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AcquireJobsCmd;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Not a test (verify does not run it): the job executor's acquisition of due jobs on PostgreSQL beside the
 * reminder timers of the national case (docs/reminders.md, docs/performance.md). In the prod configuration,
 * one user task with the four timeout listeners every user task has (dated 9999-12-31, as before
 * TimeoutListenerDates writes their dates or with reminders off), started through the engine; its four timer
 * jobs copied to {@code -Djobs.tasks=100000} tasks' worth as NationalBenchmark copies its tasks (the
 * acquisition reads only ACT_RU_JOB); and {@code -Djobs.due=5} timers due now, started through the engine.
 * Then the statement Camunda sends for AcquireJobsCmd, captured from its MyBatis log with its parameters,
 * under EXPLAIN ANALYZE, and the time of AcquireJobsCmd as the job executor runs it (its own lock owner and
 * batch size), without and with {@link PostgresJobAcquisitionIndex}'s index. The due jobs are acquired
 * (locked) by each run, not executed; their locks are released between runs, outside the clock.
 */
public final class JobAcquisitionBenchmark {

  private static final int TASKS = Integer.getInteger("jobs.tasks", 100_000);
  private static final int DUE = Integer.getInteger("jobs.due", 5);
  private static final int RUNS = Integer.getInteger("jobs.runs", 200);
  private static final String STATEMENT = "org.camunda.bpm.engine.impl.persistence.entity.JobEntity.selectNextJobsToExecute";

  private JobAcquisitionBenchmark() {}

  public static void main(String[] args) throws Exception {
    var spec = new LocalPostgres.Spec("climatepdca", "climatepdca", "benchmark");
    try (var postgres = LocalPostgres.start(spec)) {
      var properties = List.of("server.port=0", "logging.level.root=WARN", "camunda.bpm.process-engine-name=jobs",
          // acquisition is run here, by the clock, rather than by the executor's own thread
          "camunda.bpm.job-execution.enabled=false",
          "ADMIN_USER=admin", "ADMIN_PASSWORD=" + java.util.UUID.randomUUID(),
          "DB_URL=" + postgres.jdbcUrl(spec.database()), "DB_USER=" + spec.user(), "DB_PASSWORD=" + spec.password());
      var context = new SpringApplicationBuilder(ClimatePdcaApplication.class).profiles("prod")
          .run(properties.stream().map(p -> "--" + p).toArray(String[]::new));
      try {
        System.out.println(run(context));
      } finally {
        context.close();
      }
    }
  }

  private static String run(ConfigurableApplicationContext context) throws Exception {
    var db = context.getBean(JdbcTemplate.class);
    var runtime = context.getBean(RuntimeService.class);
    var reminded = Bpmn.createExecutableProcess("jobs-reminded").camundaHistoryTimeToLive(1).startEvent()
        .userTask("Task_Reminded").name("確認").camundaCandidateGroups("962201-d01-staff").endEvent().done();
    var task = (UserTask) reminded.getModelElementById("Task_Reminded");
    for (var kind : List.of("BEFORE_DUE", "ON_DUE", "OVERDUE", "OVERDUE_AGAIN")) {
      task.builder().camundaTaskListenerExpressionTimeoutWithDate("Timeout_" + kind, "${true}", "9999-12-31T00:00:00");
    }
    var due = Bpmn.createExecutableProcess("jobs-due").camundaHistoryTimeToLive(1).startEvent()
        .intermediateCatchEvent("Timer_Now").timerWithDuration("PT0S").endEvent().done();
    context.getBean(RepositoryService.class).createDeployment().name("jobs")
        .addModelInstance("jobs-reminded.bpmn", reminded).addModelInstance("jobs-due.bpmn", due).deploy();

    var start = System.nanoTime();
    var first = runtime.startProcessInstanceByKey("jobs-reminded", "962201:2026").getId();
    var instance = "'j' || g";
    NationalBenchmark.clone(db, "act_ru_job", "t.process_instance_id_ = '" + first + "'", TASKS - 1, Map.of(
        "id_", "t.id_ || '-' || g", "execution_id_", instance, "process_instance_id_", instance,
        "root_proc_inst_id_", instance));
    for (var i = 0; i < DUE; i++) {
      runtime.startProcessInstanceByKey("jobs-due", "962201:due:" + i);
    }
    db.execute("analyze act_ru_job"); // what autovacuum does after so many inserts, at once
    var made = String.format("%,d rows in ACT_RU_JOB (%,d due) made in %.1f s",
        db.queryForObject("select count(*) from act_ru_job", Long.class),
        db.queryForObject("select count(*) from act_ru_job where duedate_ <= now()", Long.class),
        (System.nanoTime() - start) / 1e9);

    var engine = context.getBean(ProcessEngineConfigurationImpl.class);
    var index = context.getBean(PostgresJobAcquisitionIndex.class);
    db.execute("drop index if exists " + PostgresJobAcquisitionIndex.INDEX);
    var before = measure(engine, db, "without the index, jobs due");
    var beforeIdle = idle(db, () -> measure(engine, db, "without the index, none due"));
    var building = System.nanoTime();
    index.create();
    var built = String.format("the index built at start in %.2f s", (System.nanoTime() - building) / 1e9);
    db.execute("analyze act_ru_job");
    var after = measure(engine, db, "with " + PostgresJobAcquisitionIndex.INDEX + ", jobs due");
    var afterIdle = idle(db, () -> measure(engine, db, "with " + PostgresJobAcquisitionIndex.INDEX + ", none due"));
    var size = "load average " + java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).strip() + "; "
        + db.queryForObject("select pg_size_pretty(pg_relation_size(?::regclass)) || ' index, table '"
        + " || pg_size_pretty(pg_relation_size('act_ru_job'))", String.class, PostgresJobAcquisitionIndex.INDEX);
    return String.join("\n", "== job acquisition on PostgreSQL ==", made, before, beforeIdle, built, after, afterIdle, size);
  }

  /** The captured statement's plan, then the time of AcquireJobsCmd over the runs. */
  private static String measure(ProcessEngineConfigurationImpl engine, JdbcTemplate db, String label) {
    var executor = engine.getJobExecutor();
    var commands = engine.getCommandExecutorTxRequired();
    var statement = captured(engine, () -> commands.execute(new AcquireJobsCmd(executor)));
    release(db);
    var sql = statement.get(0);
    var parameters = statement.get(1);
    var plan = String.join("\n", db.query("explain (analyze, buffers) " + sql,
        ps -> bind(ps, parameters), (rs, i) -> rs.getString(1)));
    var times = new ArrayList<Double>();
    var acquired = 0;
    for (var i = 0; i < RUNS + 10; i++) {
      var start = System.nanoTime();
      var jobs = commands.execute(new AcquireJobsCmd(executor));
      var ms = (System.nanoTime() - start) / 1e6;
      release(db);
      if (i >= 10) { // the first runs warm the JIT and the caches
        times.add(ms);
        acquired = jobs.size();
      }
    }
    var sorted = times.stream().sorted().toList();
    return String.format("%n-- %s --%nstatement: %s%nparameters: %s%n%s%nAcquireJobsCmd (%d jobs a run, batch %d, %d runs):"
        + " p50 %.2f ms, p95 %.2f ms, max %.2f ms", label, sql, parameters, plan, acquired,
        executor.getMaxJobsPerAcquisition(), RUNS, sorted.get(sorted.size() / 2),
        sorted.get((int) (sorted.size() * 0.95)), sorted.get(sorted.size() - 1));
  }

  /**
   * Most cycles find nothing due: the due jobs a day later while {@code measured} runs (the rows dated
   * 9999-12-31 are left as they are), then back.
   */
  private static String idle(JdbcTemplate db, java.util.function.Supplier<String> measured) {
    db.update("update act_ru_job set duedate_ = duedate_ + interval '1 day' where duedate_ <= now()");
    try {
      return measured.get();
    } finally {
      db.update("update act_ru_job set duedate_ = duedate_ - interval '1 day'"
          + " where duedate_ <= now() + interval '1 day'");
    }
  }

  /** The due jobs free again for the next run, as if their lock had expired. */
  private static void release(JdbcTemplate db) {
    db.update("update act_ru_job set lock_owner_ = null, lock_exp_time_ = null where lock_owner_ is not null");
  }

  /**
   * The SQL MyBatis prepares for the acquisition statement (as sent, with its line breaks: its comments end
   * there) and the parameters it logs, while {@code action} runs.
   */
  private static List<String> captured(ProcessEngineConfigurationImpl engine, Runnable action) {
    var sent = new ArrayList<String>();
    var mybatis = engine.getSqlSessionFactory().getConfiguration();
    if (mybatis.getInterceptors().stream().noneMatch(Capture.class::isInstance)) {
      mybatis.addInterceptor(new Capture());
    }
    var logger = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(STATEMENT);
    var appender = new ListAppender<ILoggingEvent>();
    appender.start();
    logger.addAppender(appender);
    logger.setLevel(Level.DEBUG);
    Capture.into = sent;
    try {
      action.run();
    } finally {
      Capture.into = null;
      logger.setLevel(null);
      logger.detachAppender(appender);
    }
    var lines = appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    var parameters = lines.stream().filter(l -> l.contains("Parameters:")).findFirst().orElseThrow(
        () -> new IllegalStateException("the engine ran no " + STATEMENT + ": " + lines + " " + sent));
    return List.of(sent.get(0), parameters.substring(parameters.indexOf("Parameters:") + 11).strip());
  }

  /** Notes the SQL of the acquisition statement as MyBatis prepares it, while a capture is on. */
  @org.apache.ibatis.plugin.Intercepts(@org.apache.ibatis.plugin.Signature(
      type = org.apache.ibatis.executor.statement.StatementHandler.class, method = "prepare",
      args = {java.sql.Connection.class, Integer.class}))
  static final class Capture implements org.apache.ibatis.plugin.Interceptor {

    static volatile List<String> into;

    @Override
    public Object intercept(org.apache.ibatis.plugin.Invocation invocation) throws Throwable {
      var list = into;
      if (list != null) {
        var handler = (org.apache.ibatis.executor.statement.StatementHandler) invocation.getTarget();
        var sql = handler.getBoundSql().getSql();
        if (sql.contains("ACT_RU_JOB RES") && sql.contains("RES.LOCK_OWNER_ is null")) {
          list.add(sql);
        }
      }
      return invocation.proceed();
    }
  }

  /** MyBatis's log of the parameters: {@code 2026-12-07 05:00:00.0(Timestamp), 3(Integer), …}. */
  private static void bind(java.sql.PreparedStatement ps, String logged) throws java.sql.SQLException {
    if (logged.isEmpty()) {
      return;
    }
    var i = 0;
    for (var parameter : logged.split(", ")) {
      var type = parameter.substring(parameter.lastIndexOf('(') + 1, parameter.length() - 1);
      var value = parameter.substring(0, parameter.lastIndexOf('('));
      i++;
      switch (type) {
        case "Timestamp" -> ps.setTimestamp(i, Timestamp.valueOf(value));
        case "Integer" -> ps.setInt(i, Integer.parseInt(value));
        case "Boolean" -> ps.setBoolean(i, Boolean.parseBoolean(value));
        case "String" -> ps.setString(i, value);
        default -> throw new IllegalStateException("a parameter of type " + type + ": " + logged);
      }
    }
  }
}

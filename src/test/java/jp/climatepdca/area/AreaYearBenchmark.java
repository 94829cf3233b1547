package jp.climatepdca.area;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import jp.climatepdca.ClimatePdcaApplication;
import jp.climatepdca.identity.GroupNames;
import jp.climatepdca.testing.LocalPostgres;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Not a test (verify does not run it): issue #18's benchmark, an area year of 18 members × 8 departments on
 * PostgreSQL (embedded, prod profile, authorizations on), worked through the REST API exactly as
 * AreaYearEndToEndTest works it (AreaYear: every task found in the user's task list, claimed, its form read
 * and submitted through /engine-rest by the user whose task it is; the jobs run by the job executor), then, in
 * the same engine, the floor: a one-user-task BPMN started as often as the year completed tasks and each task
 * claimed, its form read and submitted the same way through /engine-rest. A small area year first, not counted,
 * warms the JIT. Prints, per round, the year's and the floor's wall time and the JVM's CPU time (our code and
 * the engine; PostgreSQL is another process) per completed task, and the ratios. docs/performance.md says how
 * to run it and what it measured.
 */
public final class AreaYearBenchmark {

  private static final int YEAR = 2031;
  private static final int DEPARTMENTS = Integer.getInteger("areayear.departments", 8);
  private static final int MEMBERS = Integer.getInteger("areayear.members", 18);
  private static final int ROUNDS = Integer.getInteger("areayear.rounds", 2);
  private static final String FLOOR = "engine-floor";

  private final ConfigurableApplicationContext context;
  private final int port;

  private AreaYearBenchmark(ConfigurableApplicationContext context) {
    this.context = context;
    this.port = ((ServletWebServerApplicationContext) context).getWebServer().getPort();
  }

  public static void main(String[] args) throws Exception {
    System.out.println("max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB, "
        + Runtime.getRuntime().availableProcessors() + " CPUs, load " + loadAverage());
    var spec = new LocalPostgres.Spec("climatepdca", "climatepdca", "benchmark");
    try (var postgres = LocalPostgres.start(spec)) {
      // the default engine name: the users' doors (/engine-rest) name it
      var properties = List.of("server.port=0", "logging.level.root=WARN",
          // the job executor picks up the hand-ins, returns and notifications quickly, as in the tests
          "camunda.bpm.job-execution.wait-time-in-millis=100", "camunda.bpm.job-execution.max-wait=500",
          "ADMIN_USER=admin", "ADMIN_PASSWORD=" + java.util.UUID.randomUUID(),
          "DB_URL=" + postgres.jdbcUrl(spec.database()), "DB_USER=" + spec.user(), "DB_PASSWORD=" + spec.password());
      var start = System.nanoTime();
      var context = new SpringApplicationBuilder(ClimatePdcaApplication.class).profiles("prod")
          .run(properties.stream().map(p -> "--" + p).toArray(String[]::new));
      progress("started in %.1f s", (System.nanoTime() - start) / 1e9);
      try {
        System.out.println(new AreaYearBenchmark(context).run());
      } finally {
        context.close();
      }
    }
  }

  private String run() throws java.io.IOException {
    // the prod profile seeds no emission factors: the demo's catalogue, as the demo profile loads it
    var catalogue = context.getBean(jp.climatepdca.emission.EmissionFactorService.class);
    try (var in = new org.springframework.core.io.ClassPathResource("emission/factors.json").getInputStream()) {
      java.util.List<jp.climatepdca.emission.FactorView> factors = context.getBean(
          com.fasterxml.jackson.databind.ObjectMapper.class).readValue(in, new com.fasterxml.jackson.core.type.TypeReference<>() {});
      factors.forEach(catalogue::add);
    }
    context.getBean(RepositoryService.class).createDeployment().name(FLOOR).addModelInstance(FLOOR + ".bpmn",
        Bpmn.createExecutableProcess(FLOOR).name("エンジンの下限").camundaHistoryTimeToLive(1)
            .startEvent("Event_Start").userTask("Task_Floor").name("確認").camundaCandidateGroups("${candidateGroup}")
            .endEvent("Event_End").done()).deploy();
    var warmUp = year("warm969", "969", 3, 2);
    var warmUpTasks = warmUp.run();
    floor(warmUp, warmUpTasks);
    progress("warm-up: an area of 3 × 2, %d tasks (not counted)", warmUpTasks);
    var out = new StringBuilder("== PostgreSQL: area year of " + MEMBERS + " members × " + DEPARTMENTS
        + " departments ==\n| round | tasks | year s | floor s | year ms/task | floor ms/task | wall ratio"
        + " | year CPU ms/task | floor CPU ms/task | CPU ratio |\n");
    var os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    for (var r = 0; r < ROUNDS; r++) {
      var prefix = String.valueOf(962 + r);
      var area = year("bench" + prefix, prefix, MEMBERS, DEPARTMENTS);
      var cpu = os.getProcessCpuTime();
      var t0 = System.nanoTime();
      var tasks = area.run();
      var yearSeconds = (System.nanoTime() - t0) / 1e9;
      var yearCpu = (os.getProcessCpuTime() - cpu) / 1e6;
      progress("round %d: year %d tasks in %.1f s", r + 1, tasks, yearSeconds);
      cpu = os.getProcessCpuTime();
      t0 = System.nanoTime();
      floor(area, tasks);
      var floorSeconds = (System.nanoTime() - t0) / 1e9;
      var floorCpu = (os.getProcessCpuTime() - cpu) / 1e6;
      progress("round %d: floor in %.1f s", r + 1, floorSeconds);
      out.append(String.format("| %d | %d | %.1f | %.1f | %.0f | %.0f | %.2f | %.0f | %.0f | %.2f |%n", r + 1, tasks,
          yearSeconds, floorSeconds, yearSeconds * 1000 / tasks, floorSeconds * 1000 / tasks,
          yearSeconds / floorSeconds, yearCpu / tasks, floorCpu / tasks, yearCpu / floorCpu));
    }
    return out.append("load at end ").append(loadAverage()).toString();
  }

  private Round year(String area, String prefix, int members, int departments) {
    var codes = IntStream.rangeClosed(1, members).mapToObj(i -> prefix + String.format("%03d", 100 + i)).toList();
    var departmentCodes = IntStream.rangeClosed(1, departments).mapToObj(i -> String.format("d%02d", i)).toList();
    return new Round(new AreaYear(new AreaTowns(port, departmentCodes, context), area, codes, YEAR));
  }

  /** The floor: as many one-task instances in the first member's tenant, each task worked through /engine-rest. */
  private void floor(Round round, long times) {
    var town = round.year.members.get(0);
    var user = town + "-d01-staff";
    var runtime = context.getBean(RuntimeService.class);
    var client = round.year.towns.as(user);
    for (var i = 0; i < times; i++) {
      var key = town + ":" + (3000 + i) + ":floor";
      runtime.startProcessInstanceByKey(FLOOR, key, Map.of("candidateGroup", GroupNames.departmentStaff(town, "d01")));
      var task = client.claim(key, "Task_Floor");
      client.form(task);
      client.complete(task, Map.of());
    }
  }

  /** One area year: its towns, area file and users set up when made (not timed), then worked by {@link #run}. */
  private static final class Round {

    final AreaYear year;

    Round(AreaYear year) {
      this.year = year;
      year.setUp();
    }

    /** The year from the area's start to every cycle's end; the completed user tasks. */
    long run() {
      var instance = year.start();
      year.remindLateMember(instance);
      year.membersHandIn();
      year.checkCompilation();
      year.liaisonMeeting(true);
      year.returnedMemberHandsInAgain();
      year.checkCompilation();
      year.liaisonMeeting(false);
      year.committeeToApproval();
      year.membersFinish();
      year.awaitAllEnded();
      return year.completedTasks();
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
}

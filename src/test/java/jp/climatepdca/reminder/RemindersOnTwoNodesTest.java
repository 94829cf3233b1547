package jp.climatepdca.reminder;

import static jp.climatepdca.assessment.DepartmentSelfAssessmentProcess.TASK_ENTER;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import jp.climatepdca.ClimatePdcaApplication;
import jp.climatepdca.calendar.BusinessCalendar;
import jp.climatepdca.testing.CycleFixture;
import jp.climatepdca.testing.LocalPostgres;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two nodes of the application (two Spring contexts, each with its own engine and job executor, as docker/compose.yaml
 * runs two) on one PostgreSQL, sending to one SMTP server: every reminder of a town's eight departments is received
 * once, whichever node's job executor ran its timer, and is recorded once.
 */
class RemindersOnTwoNodesTest {

  private static final LocalPostgres.Spec DATABASE = new LocalPostgres.Spec("climatepdca", "climatepdca", "reminders");
  private static final ZoneId JST = ZoneId.of("Asia/Tokyo");
  private static final String TOWN = "961651";
  private static final List<String> DEPARTMENTS =
      List.of("env", "waste", "urban", "transport", "housing", "industry", "parks", "education");

  @Test
  void eachReminderIsReceivedOnceFromTwoNodes() throws Exception {
    var smtp = Smtp.start();
    try (var postgres = LocalPostgres.start(DATABASE);
        var first = node("reminderNodeA", postgres, smtp);
        var second = node("reminderNodeB", postgres, smtp)) {
      var town = ReminderTown.load(first, TOWN, DEPARTMENTS);
      // fiscal 2025 on the first node: every department's entry task is long overdue when it is created, so its
      // escalation to the secretariat is due at once, on both nodes' job executors
      town.startYear(2025);
      var tasks = second.getBean(TaskService.class);
      var entries = new ArrayList<String>();
      for (var department : DEPARTMENTS) {
        entries.add(CycleFixture.await(tasks, TOWN + ":2025:" + department, TASK_ENTER).getId());
      }
      var secretariat = town.address(TOWN + "-jimukyoku");
      assertThat(smtp.await(secretariat, DEPARTMENTS.size())).extracting(Smtp::body)
          .allSatisfy(body -> assertThat(body).contains("事務局の方へ"));

      // on the second node every due date moves to three business days from now: the staff's reminders are due
      var calendar = second.getBean(BusinessCalendar.class);
      var due = calendar.plusBusinessDays(calendar.onOrBefore(LocalDate.now(JST)), 3);
      for (var id : entries) {
        var task = tasks.createTaskQuery().taskId(id).singleResult();
        task.setDueDate(Date.from(due.atTime(LocalTime.of(17, 0)).atZone(JST).toInstant()));
        tasks.saveTask(task);
      }
      for (var department : DEPARTMENTS) {
        assertThat(smtp.await(town.address(TOWN + "-" + department + "-staff"), 1)).extracting(Smtp::subject)
            .allSatisfy(subject -> assertThat(subject).startsWith("【期限まで3営業日】自己点検・自己評価の入力（" + department + "課）"));
      }

      Thread.sleep(Duration.ofSeconds(5).toMillis()); // a second mail would come within the retry time (2 s)
      assertThat(smtp.received(secretariat)).extracting(Smtp::body).hasSize(DEPARTMENTS.size())
          .allSatisfy(body -> assertThat(body).containsOnlyOnce("担当課: "))
          .extracting(body -> body.substring(body.indexOf("担当課: ")).lines().findFirst().orElseThrow())
          .containsExactlyInAnyOrderElementsOf(DEPARTMENTS.stream().map(d -> "担当課: " + d + "課").toList());
      for (var department : DEPARTMENTS) {
        assertThat(smtp.received(town.address(TOWN + "-" + department + "-staff"))).hasSize(1);
      }
      var jdbc = first.getBean(JdbcTemplate.class);
      assertThat(jdbc.queryForList("select kind || ' ' || status from task_reminder", String.class))
          .hasSize(2 * DEPARTMENTS.size()).containsOnly("OVERDUE_AGAIN SENT", "BEFORE_DUE SENT");
      // which node ran the reminder timers (the engine's host name ends with its name): told, not asserted, since
      // one job executor may take them all
      System.out.println("Reminder timers run by node: " + jdbc.queryForList("select hostname_ || ' ' || count(*)"
          + " from act_hi_job_log where job_def_type_ = 'timer-task-listener' and job_state_ = 2 group by hostname_",
          String.class));
    } finally {
      smtp.stop();
    }
  }

  /** One node: the application on the shared database, its own engine name, webapps off (see StandaloneApp). */
  private static ConfigurableApplicationContext node(String engineName, LocalPostgres postgres, Smtp smtp) {
    return new SpringApplicationBuilder(ClimatePdcaApplication.class).run(
        "--spring.profiles.active=demo,test",
        "--spring.datasource.url=" + postgres.jdbcUrl(DATABASE.database()),
        "--spring.datasource.username=" + DATABASE.user(),
        "--spring.datasource.password=" + DATABASE.password(),
        "--server.port=0",
        "--camunda.bpm.process-engine-name=" + engineName,
        "--camunda.bpm.webapp.enabled=false",
        "--spring.mail.host=localhost",
        "--spring.mail.port=" + smtp.port(),
        "--climate-pdca.reminders.send-at=00:00",
        "--climate-pdca.reminders.retry-after=2s",
        "--climate-pdca.reminders.sweep-every=1s");
  }
}

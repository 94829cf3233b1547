package jp.climatepdca.reminder;

import static jp.climatepdca.assessment.DepartmentSelfAssessmentProcess.TASK_ENTER;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.time.format.DateTimeFormatter;
import jp.climatepdca.testing.Http;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import jp.climatepdca.calendar.BusinessCalendar;
import jp.climatepdca.testing.CycleFixture;
import jp.climatepdca.testing.TasklistClient;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Reminders and escalations of real tasks of a town's year, received by a real SMTP server (GreenMail): what
 * each says, to whom, when (from the task's due date, in Japanese business days), and that each comes once.
 * Reminders at 00:00 here (09:00 in application.yaml), so that today's reminder is due whatever the time of
 * the run; a refused mail is tried again after 2 s.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "camunda.bpm.process-engine-name=remindersTest",
    "climate-pdca.reminders.send-at=00:00",
    "climate-pdca.reminders.tasklist-url=https://pdca.example.jp",
    "climate-pdca.reminders.from=pdca@city.example.jp",
    "climate-pdca.reminders.retry-after=2s",
    "climate-pdca.reminders.sweep-every=1s"})
@ActiveProfiles({"demo", "test"})
@DirtiesContext
class TaskRemindersTest {

  private static final ZoneId JST = ZoneId.of("Asia/Tokyo");
  private static final Smtp SMTP = Smtp.start();
  private static final String NEVER = "9999-12-31";

  /** A town whose self-assessment was due the business day before today's (its schedule says so). */
  private static final String HEAD_TOWN = "961606";
  private static final LocalDate HEAD_TOWN_DUE = lastBusinessDayBeforeToday();

  @DynamicPropertySource
  static void smtp(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "localhost");
    registry.add("spring.mail.port", SMTP::port);
    registry.add("climate-pdca.schedule.municipalities." + HEAD_TOWN + ".self-assessment-due",
        () -> HEAD_TOWN_DUE.format(DateTimeFormatter.ofPattern("MM-dd")));
  }

  /** The business day before the last one up to today, by the application's own calendar (built as it builds it). */
  private static LocalDate lastBusinessDayBeforeToday() {
    try {
      var constructor = BusinessCalendar.class.getDeclaredConstructor(Resource.class);
      constructor.setAccessible(true);
      var calendar = constructor.newInstance(new ClassPathResource("calendar/syukujitsu.csv"));
      return calendar.plusBusinessDays(calendar.onOrBefore(LocalDate.now(JST)), -1);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static int fiscalYear(LocalDate day) {
    return day.getMonthValue() >= 4 ? day.getYear() : day.getYear() - 1;
  }

  @AfterAll
  static void stopSmtp() {
    SMTP.stop();
  }

  @LocalServerPort
  int port;
  @Autowired
  ApplicationContext context;
  @Autowired
  TaskService tasks;
  @Autowired
  ManagementService management;
  @Autowired
  ProcessEngine engine;
  @Autowired
  BusinessCalendar calendar;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  TaskReminders reminders;

  @Test
  void aTaskCreatedAfterItsDueDateTellsTheSecretariatOnceAndNoneOfTheEarlierReminders() {
    var town = ReminderTown.load(context, "961601", List.of("env", "waste"));
    // fiscal 2025: the self-assessment was due on Saturday 2025-05-31, which the server moves to Monday 2 June
    town.startYear(2025);
    var entry = CycleFixture.await(tasks, "961601:2025:env", TASK_ENTER);
    CycleFixture.await(tasks, "961601:2025:waste", TASK_ENTER);

    var secretariat = SMTP.await(town.address("961601-jimukyoku"), 2);
    assertThat(secretariat).extracting(Smtp::subject).allSatisfy(subject -> assertThat(subject)
        .matches("【期限超過】自己点検・自己評価の入力（(env|waste)課） - リマインド町961601（令和7年度（2025年度）） 期限 令和7年6月2日（月）"));
    assertThat(secretariat).extracting(Smtp::body).anySatisfy(body -> assertThat(body)
        .contains("事務局の方へ: env課の次のタスクが期限を1営業日過ぎ、所属長へのお知らせの後も3営業日完了していません。")
        .contains("担当課: env課").contains("年度: 令和7年度（2025年度）")
        .contains("期限: " + ReminderMail.japanese(day(entry.getDueDate()))));
    // the earlier reminders, overtaken, never come; their timers wait for the date that never comes
    assertThat(timerDates(entry)).containsOnly(
        Map.entry("TimeoutListener_ReminderBeforeDue", NEVER), Map.entry("TimeoutListener_ReminderOnDue", NEVER),
        Map.entry("TimeoutListener_EscalationOverdue", NEVER));
    quietFor(Duration.ofSeconds(3));
    assertThat(SMTP.received(town.address("961601-env-staff"))).isEmpty();
    assertThat(SMTP.received(town.address("961601-env-head"))).isEmpty();
    assertThat(SMTP.received(town.address("961601-jimukyoku"))).hasSize(2);
  }

  @Test
  void theStaffsRemindersFollowTheirDueDateAndTheEscalationsTheServers() throws Exception {
    var town = ReminderTown.load(context, "961602", List.of("env", "waste"));
    town.startYear(2060); // due 2060-05-31: nothing due yet
    var entry = CycleFixture.await(tasks, "961602:2060:env", TASK_ENTER);
    assertThat(timerDates(entry).values()).doesNotContain(NEVER).hasSize(4);
    var today = calendar.onOrBefore(LocalDate.now(JST));
    var staff = town.address("961602-env-staff");

    // three business days before the due date: the staff
    moveDue(entry, calendar.plusBusinessDays(today, 3));
    var before = SMTP.await(staff, 1).get(0);
    assertThat(Smtp.subject(before)).isEqualTo("【期限まで3営業日】自己点検・自己評価の入力（env課） - リマインド町961602（令和42年度（2060年度）） 期限 "
        + ReminderMail.japanese(calendar.plusBusinessDays(today, 3)));
    assertThat(Smtp.body(before))
        .contains("次のタスクの期限まであと3営業日です。")
        .contains("タスク: 自己点検・自己評価の入力（env課）").contains("自治体: リマインド町961602").contains("担当課: env課")
        .contains("期限: " + ReminderMail.japanese(calendar.plusBusinessDays(today, 3)))
        .contains("https://pdca.example.jp/camunda/app/tasklist/remindersTest/#/?task=" + entry.getId());
    assertThat(before.getFrom()[0].toString()).isEqualTo("pdca@city.example.jp");

    // on the due date: the staff again
    moveDue(entry, today);
    assertThat(Smtp.subject(SMTP.await(staff, 2).get(1))).startsWith("【本日期限】自己点検・自己評価の入力");
    // the escalations keep to the due date the server set (Monday 2060-05-31) ...
    var escalations = Map.of("TimeoutListener_EscalationOverdue", "2060-06-01",
        "TimeoutListener_EscalationSecretariat", "2060-06-04");
    assertThat(timerDates(entry)).containsAllEntriesOf(escalations);
    // ... even when the staff push the due date back themselves, as Tasklist lets them (an attacker's try)
    var later = calendar.plusBusinessDays(today, 20);
    var pushed = Http.as(port, "961602-env-staff").put("/engine-rest/engine/remindersTest/task/" + entry.getId(),
        Map.of("name", entry.getName(), "priority", 50, "tenantId", "961602",
            "due", later.atTime(17, 0).atZone(JST).toOffsetDateTime().format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ"))));
    assertThat(pushed.status()).as(pushed.toString()).isIn(204, 403);
    System.out.println("The staff pushing back their own due date through /engine-rest: " + pushed.status());
    assertThat(timerDates(entry)).containsAllEntriesOf(escalations);

    quietFor(Duration.ofSeconds(3));
    assertThat(SMTP.received(staff)).hasSize(2);
    assertThat(SMTP.received(town.address("961602-env-head"))).isEmpty();
    assertThat(SMTP.received(town.address("961602-jimukyoku"))).isEmpty();
    assertThat(jdbc.queryForList("select kind || ' ' || status from task_reminder where task_id = ? order by id",
        String.class, entry.getId())).containsExactly("BEFORE_DUE SENT", "ON_DUE SENT");
  }

  @Test
  void aBusinessDayAfterTheDueDateTheHeadIsToldOnce() {
    var town = ReminderTown.load(context, HEAD_TOWN, List.of("env"));
    town.startYear(fiscalYear(HEAD_TOWN_DUE));
    var entry = CycleFixture.await(tasks, HEAD_TOWN + ":" + fiscalYear(HEAD_TOWN_DUE) + ":env", TASK_ENTER);
    assertThat(day(entry.getDueDate())).isEqualTo(HEAD_TOWN_DUE);
    var head = SMTP.await(town.address(HEAD_TOWN + "-env-head"), 1).get(0);
    assertThat(Smtp.subject(head)).startsWith("【期限超過】自己点検・自己評価の入力（env課）");
    assertThat(Smtp.body(head)).contains("所属長の方へ: 貴課の次のタスクが期限を過ぎても完了していません。")
        .contains("期限: " + ReminderMail.japanese(HEAD_TOWN_DUE));
    quietFor(Duration.ofSeconds(3));
    assertThat(SMTP.received(town.address(HEAD_TOWN + "-env-head"))).hasSize(1);
    assertThat(SMTP.received(town.address(HEAD_TOWN + "-env-staff"))).isEmpty(); // the earlier ones are overtaken
    assertThat(SMTP.received(town.address(HEAD_TOWN + "-jimukyoku"))).isEmpty(); // three business days to go
  }

  @Test
  void theDatesAreJapaneseBusinessDaysAndATaskCompletedInTimeSendsNothing() {
    var town = ReminderTown.load(context, "961603", List.of("env"));
    town.startYear(2027);
    var entry = CycleFixture.await(tasks, "961603:2027:env", TASK_ENTER);
    // due Friday 7 May 2027, after Golden Week (4/29 昭和の日, 5/3-5/5, the weekends)
    moveDue(entry, LocalDate.of(2027, 5, 7));
    assertThat(timerDates(entry)).containsOnly(
        Map.entry("TimeoutListener_ReminderBeforeDue", "2027-04-28"), // 5/6, 4/30, 4/28
        Map.entry("TimeoutListener_ReminderOnDue", "2027-05-07"),
        // the escalations from the server's due date, Monday 2027-05-31
        Map.entry("TimeoutListener_EscalationOverdue", "2027-06-01"),
        Map.entry("TimeoutListener_EscalationSecretariat", "2027-06-04"));

    var staff = new TasklistClient(port, "961603-env-staff", "/engine-rest/engine/remindersTest");
    var claimed = staff.claim("961603:2027:env", TASK_ENTER);
    var rows = TasklistClient.rows(staff.form(claimed).get("measures"));
    rows.forEach(row -> {
      row.put("progress", "ON_TRACK");
      row.put("achievements", "実施した");
    });
    staff.complete(claimed, Map.of("measures", rows));
    // the timers died with the task
    assertThat(management.createJobQuery().processInstanceId(entry.getProcessInstanceId())
        .activityId(TASK_ENTER).count()).isZero();
    assertThat(jdbc.queryForObject("select count(*) from task_reminder where task_id = ?", Integer.class,
        entry.getId())).isZero();
  }

  @Test
  void aReminderRunAgainIsNotSentAgain() {
    var town = ReminderTown.load(context, "961604", List.of("env"));
    town.startYear(2060);
    var entry = CycleFixture.await(tasks, "961604:2060:env", TASK_ENTER);
    var today = calendar.onOrBefore(LocalDate.now(JST));
    moveDue(entry, calendar.plusBusinessDays(today, 10));
    // the same reminder twice in one transaction, and once more in another: as a retried or repeated job would
    inCommand(entry, task -> {
      reminders.send(task, "ON_DUE");
      reminders.send(task, "ON_DUE");
    });
    inCommand(entry, task -> reminders.send(task, "ON_DUE"));
    SMTP.await(town.address("961604-env-staff"), 1);
    quietFor(Duration.ofSeconds(3));
    assertThat(SMTP.received(town.address("961604-env-staff"))).hasSize(1);
    assertThat(jdbc.queryForObject("select count(*) from task_reminder where task_id = ?", Integer.class,
        entry.getId())).isEqualTo(1);
  }

  @Test
  void aMailServerThatWasDownGetsTheReminderOnceItIsBack() {
    var town = ReminderTown.load(context, "961605", List.of("env"));
    town.startYear(2060);
    var entry = CycleFixture.await(tasks, "961605:2060:env", TASK_ENTER);
    var today = calendar.onOrBefore(LocalDate.now(JST));
    SMTP.stop();
    try {
      moveDue(entry, calendar.plusBusinessDays(today, 3));
      Awaitility.await("the refused reminder recorded").atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForList(
          "select status from task_reminder where task_id = ? and attempts > 0 and last_error is not null",
          String.class, entry.getId()), List.of("PENDING")::equals);
      // the job itself succeeded: no retry, no incident
      assertThat(management.createJobQuery().processInstanceId(entry.getProcessInstanceId()).withException().count())
          .isZero();
    } finally {
      SMTP.restart();
    }
    var mail = SMTP.await(town.address("961605-env-staff"), 1).get(0);
    assertThat(Smtp.subject(mail)).startsWith("【期限まで3営業日】");
    quietFor(Duration.ofSeconds(4));
    assertThat(SMTP.received(town.address("961605-env-staff"))).hasSize(1);
    assertThat(jdbc.queryForObject("select status from task_reminder where task_id = ?", String.class, entry.getId()))
        .isEqualTo("SENT");
  }

  @Test
  void eraNamesAndFiscalYears() {
    assertThat(ReminderMail.japanese(LocalDate.of(2019, 5, 1))).isEqualTo("令和元年5月1日（水）");
    assertThat(ReminderMail.japanese(LocalDate.of(2019, 4, 30))).isEqualTo("平成31年4月30日（火）");
    assertThat(ReminderMail.japanese(LocalDate.of(2026, 5, 29))).isEqualTo("令和8年5月29日（金）");
    assertThat(ReminderMail.fiscalYear(2019)).isEqualTo("令和元年度（2019年度）");
    assertThat(ReminderMail.fiscalYear(2026)).isEqualTo("令和8年度（2026年度）");
  }

  /** The task's new due date (17:00 in Japan), as a person sets it in Tasklist: the update moves its timers. */
  private void moveDue(Task task, LocalDate day) {
    var saved = tasks.createTaskQuery().taskId(task.getId()).singleResult();
    saved.setDueDate(Date.from(day.atTime(LocalTime.of(17, 0)).atZone(JST).toInstant()));
    tasks.saveTask(saved);
  }

  /** The task's reminder timers by listener id, each as its day in Japan (9999-12-31: never). */
  private Map<String, String> timerDates(Task task) {
    var dates = new TreeMap<String, String>();
    for (var job : management.createJobQuery().processInstanceId(task.getProcessInstanceId()).activityId(TASK_ENTER)
        .timers().list()) {
      // the job's configuration, Task_…$taskListener~<listener id>, is no public API (the engine hook relies on it)
      var configuration = ((JobEntity) job).getJobHandlerConfigurationRaw();
      dates.put(configuration.substring(configuration.indexOf('~') + 1), day(job.getDuedate()).toString());
    }
    return dates;
  }

  private void inCommand(Task task, java.util.function.Consumer<TaskEntity> work) {
    ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
        .execute(commandContext -> {
          work.accept(commandContext.getTaskManager().findTaskById(task.getId()));
          return null;
        });
  }

  private static LocalDate day(Date date) {
    return date.toInstant().atZone(JST).toLocalDate();
  }

  private static void quietFor(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

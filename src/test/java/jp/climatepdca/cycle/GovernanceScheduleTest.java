package jp.climatepdca.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import jp.climatepdca.assessment.DepartmentSelfAssessmentProcess;
import jp.climatepdca.plan.PlanImportService;
import jp.climatepdca.testing.AppTest;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The schedule from the plan file (docs/governance.md): the April timer and the self-assessment's due date
 * of FY2046 come from the plan (04-15, a Sunday; ten business days after it: Monday 04-16 + 10 = 05-01, as
 * 昭和の日 04-29 is a Sunday and its 振替休日 04-30 is no business day; the task is due at 17:00, docs/deadlines.md);
 * a revised file loaded while that cycle runs leaves its dates alone and gives FY2047 its new ones, no restart.
 */
@AppTest
class GovernanceScheduleTest {

  private static final String TOWN = "916001"; // no other test of the shared context loads it
  private static final String PLAN = """
      {"municipality": {"code": "916001", "name": "しらかば町", "baseYear": 2013},
       "departments": [{"code": "kankyo", "name": "環境課"}],
       "measures": [{"code": "M-1", "department": "kankyo", "name": "省エネ診断", "sector": "家庭", "kind": "実施事業"}],
       "governance": {"schedule": {
         "aprilCheck": "%s",
         "selfAssessmentDue": {"businessDaysAfter": "aprilCheck", "days": %d},
         "julyCalculation": "07-10"}}}
      """;

  @Autowired
  PlanImportService importer;

  @Autowired
  CycleStarter starter;

  @Autowired
  CycleSchedule schedule;

  @Autowired
  ManagementService management;

  @Autowired
  TaskService tasks;

  @Test
  void thePlansScheduleSetsTheTimersAndARevisionChangesOnlyTheNextYear() {
    load("04-15", 10);
    var started = starter.start(TOWN, 2046, "test");
    assertThat(timer(started, FiscalYearCycleProcess.EVENT_APRIL_CHECK_DATE)).isEqualTo(at(2046, 4, 15));
    assertThat(timer(started, FiscalYearCycleProcess.EVENT_JULY_CALCULATION_DATE)).isEqualTo(at(2046, 7, 10));
    management.executeJob(management.createJobQuery().processInstanceId(started.processInstanceId())
        .activityId(FiscalYearCycleProcess.EVENT_APRIL_CHECK_DATE).singleResult().getId());
    var entry = tasks.createTaskQuery().processInstanceBusinessKey(TOWN + ":2046:kankyo")
        .taskDefinitionKey(DepartmentSelfAssessmentProcess.TASK_ENTER).singleResult();
    assertThat(entry.getDueDate()).isEqualTo(at(2046, 5, 1, 17));

    load("04-20", 5);
    assertThat(schedule.selfAssessmentDue(TOWN, 2046)).as("the running cycle keeps its dates").isEqualTo(at(2046, 5, 1));
    assertThat(timer(started, FiscalYearCycleProcess.EVENT_JULY_CALCULATION_DATE)).isEqualTo(at(2046, 7, 10));
    var next = starter.start(TOWN, 2047, "test");
    assertThat(timer(next, FiscalYearCycleProcess.EVENT_APRIL_CHECK_DATE)).isEqualTo(at(2047, 4, 20));
    // Saturday 04-20: counted from Monday 04-22, five business days on, over 昭和の日 (Monday 04-29)
    assertThat(schedule.selfAssessmentDue(TOWN, 2047)).isEqualTo(at(2047, 4, 30));
    // a step the plan does not name: the configuration's (application.yaml: 08-31)
    assertThat(schedule.checkDue(TOWN, 2047)).isEqualTo(at(2047, 8, 31));
  }

  private void load(String aprilCheck, int days) {
    importer.importPlan(new ByteArrayInputStream(PLAN.formatted(aprilCheck, days).getBytes(StandardCharsets.UTF_8)));
  }

  private Date timer(StartedCycle cycle, String activity) {
    return management.createJobQuery().processInstanceId(cycle.processInstanceId()).activityId(activity).singleResult()
        .getDuedate();
  }

  private static Date at(int year, int month, int day) {
    return at(year, month, day, 9);
  }

  private static Date at(int year, int month, int day, int hour) {
    return Date.from(LocalDateTime.of(year, month, day, hour, 0).atZone(ZoneId.of("Asia/Tokyo")).toInstant());
  }
}

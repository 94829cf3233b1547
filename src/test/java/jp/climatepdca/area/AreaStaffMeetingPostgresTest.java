package jp.climatepdca.area;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import jp.climatepdca.identity.TenantDirectory;
import jp.climatepdca.plan.PlanImportService;
import jp.climatepdca.system.ConflictException;
import jp.climatepdca.testing.ProdProfileOnPostgres;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The staff meeting on PostgreSQL as production runs it: V13's tables (dates, booleans, the ordered lists)
 * take a whole meeting with its working group through the forms' listeners and give the records back; and
 * meetings started at the same moment never share a number, each row with its one process instance.
 */
@SpringBootTest
class AreaStaffMeetingPostgresTest extends ProdProfileOnPostgres {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired
  AreaStaffMeetingStarter starter;

  @Autowired
  AreaStaffMeetingService service;

  @Autowired
  RuntimeService runtime;

  @Autowired
  TaskService tasks;

  @Autowired
  FormService forms;

  @Autowired
  JdbcTemplate jdbc;

  private void area(PlanImportService plans, AreaRepository areas, AreaMemberRepository members,
      TenantDirectory tenants, IdentityService identity, TransactionTemplate tx) {
    StaffMeetingArea.ensure(plans, areas, members, tenants, identity, tx);
  }

  @Test
  void aMeetingAndItsWorkingGroupAreStoredAndReadBack(@Autowired PlanImportService plans,
      @Autowired AreaRepository areas, @Autowired AreaMemberRepository members, @Autowired TenantDirectory tenants,
      @Autowired IdentityService identity, @Autowired TransactionTemplate tx) throws Exception {
    area(plans, areas, members, tenants, identity, tx);
    var key = starter.start(StaffMeetingArea.AREA, 2024, "PostgreSQL での会議", "sm-tantou").businessKey();

    submit(key, AreaStaffMeetingProcess.TASK_PREPARE_AGENDA, Map.of("plannedOn", "2024-10-01", "place", "オンライン",
        "agenda", json(List.of(Map.of("title", "議題A", "materials", "資料A"), Map.of("title", "議題B")))));
    var attendance = new ArrayList<Map<String, Object>>();
    for (var code : StaffMeetingArea.MEMBERS) {
      attendance.add(new HashMap<>(Map.of("municipality", code, "attended", !code.equals("947102"),
          "attendees", "担当")));
    }
    submit(key, AreaStaffMeetingProcess.TASK_RECORD_MEETING, Map.of("heldOn", "2024-10-02", "attendance",
        json(attendance), "minutes", "議事録", "decisions", json(List.of(Map.of("decision", "決定1"),
            Map.of("decision", "決定2"))), "setUpWorkingGroup", true));
    submit(key, AreaStaffMeetingProcess.TASK_SET_UP_WORKING_GROUP, Map.of("theme", "省エネ家電の普及啓発",
        "members", json(List.of("947103", "947101", "947102")), "setUpOn", "2024-10-02",
        "plannedDissolutionOn", "2025-03-31"));
    submit(key, AreaStaffMeetingProcess.TASK_DISSOLVE_WORKING_GROUP, Map.of("outcome", "EXTEND",
        "newPlannedOn", "2025-06-30", "extensionReason", "イベントが6月になったため"));

    var records = service.records(StaffMeetingArea.AREA, 2024);
    assertThat(records.meetings()).singleElement().satisfies(m -> {
      assertThat(m.heldOn()).isEqualTo(LocalDate.of(2024, 10, 2));
      assertThat(m.agenda()).extracting(StaffMeetingRecords.AgendaItem::title).containsExactly("議題A", "議題B");
      assertThat(m.attendance()).extracting(StaffMeetingRecords.Attendance::attended).containsExactly(true, false, true);
      assertThat(m.decisions()).containsExactly("決定1", "決定2");
    });
    assertThat(records.workingGroups()).singleElement().satisfies(g -> {
      assertThat(g.members()).extracting(StaffMeetingRecords.Member::municipality)
          .containsExactly("947101", "947102", "947103");
      assertThat(g.plannedDissolutionOn()).isEqualTo(LocalDate.of(2025, 6, 30));
      assertThat(g.state()).isEqualTo(WorkingGroupState.ACTIVE);
      assertThat(g.extensions()).singleElement().satisfies(e -> {
        assertThat(e.previousPlannedOn()).isEqualTo(LocalDate.of(2025, 3, 31));
        assertThat(e.reason()).isEqualTo("イベントが6月になったため");
      });
    });
    // still working in the next fiscal year: it is in that year's report too, until it is dissolved
    assertThat(service.records(StaffMeetingArea.AREA, 2025).workingGroups()).hasSize(1);
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey(key).singleResult().getDueDate())
        .isEqualTo(FormFields.due(LocalDate.of(2025, 6, 30)));

    var started = new ArrayList<String>();
    var refused = 0;
    for (int round = 0; round < 4; round++) {
      for (var outcome : startTwoAtOnce(2023)) {
        if (outcome instanceof String businessKey) {
          started.add(businessKey);
        } else {
          assertThat(outcome).isInstanceOf(ConflictException.class);
          refused++;
        }
      }
    }
    assertThat(started).doesNotHaveDuplicates().hasSize(8 - refused);
    var rows = jdbc.queryForList("select business_key, process_instance_id from area_staff_meeting"
        + " where area_code = ? and fiscal_year = 2023", StaffMeetingArea.AREA);
    assertThat(rows).extracting(r -> r.get("business_key")).containsExactlyInAnyOrderElementsOf(started);
    for (var row : rows) {
      assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey((String) row.get("business_key"))
          .singleResult().getId()).isEqualTo(row.get("process_instance_id"));
    }
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKeyLike(StaffMeetingArea.AREA + ":2023:%")
        .count()).isEqualTo(started.size());
  }

  /** Two starts released at the same moment: each gives its business key or the exception it threw. */
  private List<Object> startTwoAtOnce(int fiscalYear) throws Exception {
    var pool = Executors.newFixedThreadPool(2);
    var go = new CountDownLatch(1);
    try {
      var futures = new ArrayList<Future<Object>>();
      for (int i = 0; i < 2; i++) {
        futures.add(pool.submit(() -> {
          go.await();
          try {
            return starter.start(StaffMeetingArea.AREA, fiscalYear, "同時に開始", "sm-jimukyoku").businessKey();
          } catch (ConflictException e) {
            return e;
          }
        }));
      }
      go.countDown();
      var outcomes = new ArrayList<Object>();
      for (var future : futures) {
        outcomes.add(future.get(2, TimeUnit.MINUTES));
      }
      return outcomes;
    } finally {
      pool.shutdownNow();
    }
  }

  private void submit(String businessKey, String taskDefinitionKey, Map<String, Object> fields) {
    var task = tasks.createTaskQuery().processInstanceBusinessKey(businessKey).taskDefinitionKey(taskDefinitionKey)
        .singleResult();
    assertThat(task).as(taskDefinitionKey).isNotNull();
    forms.submitTaskForm(task.getId(), fields);
  }

  private static Object json(Object value) throws Exception {
    return SpinValues.jsonValue(JSON.writeValueAsString(value)).create();
  }
}

package jp.climatepdca.reminder;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.climatepdca.cycle.CycleStarter;
import jp.climatepdca.cycle.FiscalYearCycleProcess;
import jp.climatepdca.identity.GroupNames;
import jp.climatepdca.plan.PlanImportService;
import jp.climatepdca.testing.Http;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.ApplicationContext;

/**
 * A town of the reminder tests (961601–961699): its plan (one measure per department), and users with
 * addresses {@code <user>@<town>.example.jp}: {@code <town>-<dept>-staff}, {@code -head}, {@code <town>-jimukyoku}.
 */
record ReminderTown(String code, List<String> departments, ApplicationContext context) {

  static ReminderTown load(ApplicationContext context, String code, List<String> departments) {
    var town = new ReminderTown(code, departments, context);
    var departmentList = new ArrayList<Map<String, Object>>();
    var measures = new ArrayList<Map<String, Object>>();
    for (var i = 0; i < departments.size(); i++) {
      var d = departments.get(i);
      departmentList.add(Map.of("code", d, "name", d + "課"));
      var measure = new LinkedHashMap<String, Object>();
      measure.put("code", String.format("M-%02d", i + 1));
      measure.put("department", d);
      measure.put("name", "省エネ支援（" + d + "）");
      measure.put("sector", "HOUSEHOLD");
      measure.put("kind", "IMPLEMENTATION");
      measures.add(measure);
    }
    context.getBean(PlanImportService.class).importPlan(new ByteArrayInputStream(Http.write(Map.of(
        "municipality", Map.of("code", code, "name", "リマインド町" + code, "baseYear", 2013),
        "departments", departmentList, "measures", measures)).getBytes(StandardCharsets.UTF_8)));
    for (var d : departments) {
      town.user(code + "-" + d + "-staff", GroupNames.departmentStaff(code, d));
      town.user(code + "-" + d + "-head", GroupNames.departmentHead(code, d));
    }
    town.user(code + "-jimukyoku", GroupNames.secretariat(code));
    return town;
  }

  String address(String user) {
    return user + "@" + code + ".example.jp";
  }

  private void user(String id, String group) {
    var identity = context.getBean(IdentityService.class);
    var user = identity.newUser(id);
    user.setFirstName(id);
    user.setLastName("試験");
    user.setEmail(address(id));
    user.setPassword(Http.PASSWORD);
    identity.saveUser(user);
    identity.createMembership(id, group);
  }

  /** Starts the town's cycle and fires its April timer at once: every department's entry task is open. */
  void startYear(int fiscalYear) {
    context.getBean(CycleStarter.class).start(code, fiscalYear, code + "-jimukyoku");
    var runtime = context.getBean(RuntimeService.class);
    var management = context.getBean(ManagementService.class);
    var cycle = runtime.createProcessInstanceQuery().processInstanceBusinessKey(code + ":" + fiscalYear)
        .processDefinitionKey(FiscalYearCycleProcess.KEY).singleResult();
    var april = management.createJobQuery().processInstanceId(cycle.getId()).timers()
        .activityId(FiscalYearCycleProcess.EVENT_APRIL_CHECK_DATE).singleResult();
    // a past year's April timer is due already: the job executor runs it, and running it here as well would race it
    if (april.getDuedate().after(new java.util.Date())) {
      management.executeJob(april.getId());
    }
  }
}

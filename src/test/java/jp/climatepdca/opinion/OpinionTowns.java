package jp.climatepdca.opinion;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import jp.climatepdca.cycle.FiscalYearCycleProcess;
import jp.climatepdca.identity.GroupNames;
import jp.climatepdca.plan.PlanImportService;
import jp.climatepdca.system.CycleReference;
import jp.climatepdca.testing.Http;
import jp.climatepdca.testing.TestUsers;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Towns of the triage tests (9632xx): a plan of two measures, a secretariat, headquarters and committee user each,
 * opinions as the public form stores them (with a sender's name and contact that must never be shown), and a
 * cycle's instance put at one of its tasks.
 */
record OpinionTowns(PlanImportService plans, IdentityService identity, RuntimeService runtime, JdbcTemplate db,
    PublicOpinionRepository opinions) {

  static final String NAME = "山田花子";
  static final String CONTACT = "hanako@example.jp";

  void town(String code) {
    if (db.queryForObject("select count(*) from municipality where code = ?", Integer.class, code) > 0) {
      return;
    }
    plans.importPlan(new ByteArrayInputStream(Http.write(Map.of(
        "municipality", Map.of("code", code, "name", "意見町" + code, "baseYear", 2013),
        "departments", List.of(Map.of("code", "kankyo", "name", "環境課")),
        "measures", List.of(
            Map.of("code", "M-01", "department", "kankyo", "name", "住宅の省エネ支援", "sector", "HOUSEHOLD",
                "kind", "IMPLEMENTATION"),
            Map.of("code", "M-02", "department", "kankyo", "name", "公共交通の利用促進", "sector", "TRANSPORT",
                "kind", "IMPLEMENTATION")))).getBytes(StandardCharsets.UTF_8)));
    TestUsers.add(identity, code + "-jimukyoku", code + "-jimukyoku", "試験", GroupNames.secretariat(code));
    TestUsers.add(identity, code + "-honbu", code + "-honbu", "試験", GroupNames.headquarters(code));
    TestUsers.add(identity, code + "-iinkai", code + "-iinkai", "試験", GroupNames.committee(code));
  }

  PublicOpinion opinion(String town, int year, String reference, SenderKind kind, String measure, String body) {
    return opinions.save(new PublicOpinion(town, year, reference, kind, NAME, CONTACT, measure, body,
        Instant.parse(year + "-06-15T01:00:00Z"), "0".repeat(64)));
  }

  /** A fiscal-year cycle's instance of the town at {@code activity} (the paths to it: FiscalYearCycleProcessTest). */
  void cycleAt(String businessKey, String town, int year, String activity) {
    runtime.createProcessInstanceByKey(FiscalYearCycleProcess.KEY).businessKey(businessKey)
        .setVariable(CycleReference.MUNICIPALITY, town).setVariable(CycleReference.FISCAL_YEAR, year)
        .setVariable(CycleReference.REVIEW_YEAR, year - 1).setVariable(CycleReference.INVENTORY_YEAR, year - 2)
        .startBeforeActivity(activity).execute();
  }

  List<String> statuses(String town, int year) {
    return opinions.findByMunicipalityCodeAndFiscalYearOrderByIdAsc(town, year).stream()
        .map(o -> o.reference() + ":" + o.status()).toList();
  }
}

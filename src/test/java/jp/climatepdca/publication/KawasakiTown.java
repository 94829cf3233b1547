package jp.climatepdca.publication;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import jp.climatepdca.evaluation.EvaluationService;
import jp.climatepdca.evaluation.EvaluationService.OpinionInput;
import jp.climatepdca.identity.GroupNames;
import jp.climatepdca.plan.PlanImportService;
import jp.climatepdca.plan.PlanService;
import jp.climatepdca.system.CycleReference;
import jp.climatepdca.testing.TestUsers;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ClassPathResource;

/**
 * A town with seed 004's plan (川崎市: the 環境審議会 hears the annual report after it is published), its code
 * replaced, whose council gave two opinions on the FY2027 report: one on the whole plan, one on KW-02. FY2028's
 * secretariat answers them when it prepares FY2028's report. Users {@code <code>-jimukyoku}, {@code -honbu},
 * {@code -iinkai}.
 */
final class KawasakiTown {

  static final String ON_THE_PLAN = "市民への周知を一層進めてください";
  static final String ON_KW02 = "事業者との連携の成果を数値で示してください";

  private KawasakiTown() {}

  static synchronized void ensure(ApplicationContext context, String code) throws IOException {
    if (context.getBean(PlanService.class).findMunicipality(code).isPresent()) {
      return;
    }
    String text;
    try (var in = new ClassPathResource("plan/samples/004-kawasaki.json").getInputStream()) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\"141305\"", "\"" + code + "\"");
    }
    context.getBean(PlanImportService.class).importPlan(new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    var identity = context.getBean(IdentityService.class);
    TestUsers.add(identity, code + "-jimukyoku", "事務局", "かわさき台", GroupNames.secretariat(code));
    TestUsers.add(identity, code + "-honbu", "調整会議", "かわさき台", GroupNames.headquarters(code));
    TestUsers.add(identity, code + "-iinkai", "委員", "かわさき台", GroupNames.committee(code));
    var evaluations = context.getBean(EvaluationService.class);
    evaluations.addOpinions(code, 2027, "hearing-" + code, code + "-iinkai",
        List.of(new OpinionInput(null, ON_THE_PLAN), new OpinionInput("KW-02", ON_KW02)));
    evaluations.saveSecretariatSummary(code, 2028, "概ね順調に進捗している。");
    evaluations.saveHeadquartersEvaluation(code, 2028, "調整会議として妥当と評価する。");
  }

  /** Starts the year's publication as the cycle's call activity does; returns its business key. */
  static String publication(ApplicationContext context, String code, int year) {
    var key = new CycleReference(code, year).businessKey() + AnnualReportPublicationProcess.BUSINESS_KEY_SUFFIX;
    context.getBean(RuntimeService.class).createProcessInstanceByKey(AnnualReportPublicationProcess.KEY).businessKey(key)
        .setVariable(CycleReference.MUNICIPALITY, code).setVariable(CycleReference.FISCAL_YEAR, year)
        .setVariable(CycleReference.REVIEW_YEAR, year - 1).setVariable(CycleReference.INVENTORY_YEAR, year - 2)
        .execute();
    return key;
  }
}

package jp.climatepdca.opinion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.climatepdca.cycle.FiscalYearCycleProcess;
import jp.climatepdca.opinion.OpinionTriageService.AcceptedOpinion;
import jp.climatepdca.opinion.OpinionTriageService.Decision;
import jp.climatepdca.system.TaskInputException;
import jp.climatepdca.plan.PlanImportService;
import jp.climatepdca.publication.AnnualReportPublicationProcess;
import jp.climatepdca.system.CycleReference;
import jp.climatepdca.testing.AppTest;
import jp.climatepdca.testing.Http;
import jp.climatepdca.testing.TasklistClient;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The secretariat's triage of citizens' opinions through the real task (docs/opinion-triage.md): the form lists
 * the town's waiting opinions without the sender's name; bad decisions (a merge into a rejected opinion or into
 * another town's, an accepted one without a response, a reference of another town) are refused with a Japanese
 * 400 naming the opinion, leaving every opinion as it was; another town's secretariat cannot complete it; a good
 * submission through {@code complete} (the API's door) and through {@code submit-form} (Tasklist's) is stored;
 * then the committee's form and the published report (page, PDF, CSV, JSON) show the accepted opinions with their
 * responses and merged counts, never the sender's name or contact, nor a rejected one.
 */
@AppTest
class OpinionTriageTest {

  static final String TOWN = "963201";
  static final String OTHER = "963202";
  private static final String NAME = OpinionTowns.NAME;
  private static final String CONTACT = OpinionTowns.CONTACT;

  @LocalServerPort
  int port;

  @Autowired
  PublicOpinionRepository opinions;

  @Autowired
  RuntimeService runtime;

  @Autowired
  IdentityService identity;

  @Autowired
  PlanImportService plans;

  @Autowired
  ProcessEngine engine;

  @Autowired
  JdbcTemplate db;

  @Autowired
  OpinionTriageService triage;

  private OpinionTowns towns() {
    var towns = new OpinionTowns(plans, identity, runtime, db, opinions);
    towns.town(TOWN);
    towns.town(OTHER);
    return towns;
  }

  private PublicOpinion opinion(String town, int year, String reference, SenderKind kind, String measure, String body) {
    return new OpinionTowns(plans, identity, runtime, db, opinions).opinion(town, year, reference, kind, measure, body);
  }

  /** The cycle's instance at its triage task (the window of a past year has closed; the branch: the engine test). */
  private String triageTask(String town, int year) {
    towns().cycleAt(town + ":" + year, town, year, FiscalYearCycleProcess.TASK_OPINION_TRIAGE);
    return secretariat(town).claim(town + ":" + year, FiscalYearCycleProcess.TASK_OPINION_TRIAGE);
  }

  private TasklistClient secretariat(String town) {
    return new TasklistClient(port, town + "-jimukyoku", engineRest());
  }

  private String engineRest() {
    return "default".equals(engine.getName()) ? "/engine-rest" : "/engine-rest/engine/" + engine.getName();
  }

  private List<String> statuses(String town, int year) {
    return towns().statuses(town, year);
  }

  private static Map<String, Object> decide(List<Map<String, Object>> rows, String reference, String decision,
      String mergeInto, String reason, String response) {
    var row = rows.stream().filter(r -> reference.equals(r.get("reference"))).findFirst().orElseThrow();
    row.put("decision", decision);
    row.put("mergeInto", mergeInto);
    row.put("reason", reason);
    row.put("response", response);
    return row;
  }

  @Test
  void theSecretariatTriagesAndTheCommitteeAndTheReportShowTheAcceptedOnes() throws Exception {
    towns();
    var year = 2031;
    opinion(TOWN, year, "O-2031-0001", SenderKind.CITIZEN, "M-01", "住宅の断熱改修の補助をもっと知らせてほしい。");
    opinion(TOWN, year, "O-2031-0002", SenderKind.BUSINESS, "M-01", "断熱改修補助の周知を商工会でも行ってほしい。");
    opinion(TOWN, year, "O-2031-0003", SenderKind.ORGANISATION, null, "計画とは関係のない宣伝の文章です。");
    opinion(TOWN, year, "O-2031-0004", SenderKind.CITIZEN, "M-02", "バスの本数を増やして公共交通を使いやすくしてほしい。");
    var foreign = opinion(OTHER, year, "O-2031-0101", SenderKind.CITIZEN, null, "となり町の意見です。採用されています。");
    var task = triageTask(TOWN, year);
    var secretariat = secretariat(TOWN);
    var form = secretariat.form(task);
    assertThat(form.get("opinionCount").asText()).contains("4件");
    var rows = TasklistClient.rows(form.get("opinions"));
    assertThat(rows).extracting(r -> r.get("reference"), r -> r.get("senderKindLabel"), r -> r.get("measure"))
        .containsExactly(tuple("O-2031-0001", "市民", "M-01 住宅の省エネ支援"), tuple("O-2031-0002", "事業者", "M-01 住宅の省エネ支援"),
            tuple("O-2031-0003", "団体", "計画全体"), tuple("O-2031-0004", "市民", "M-02 公共交通の利用促進"));
    // the sender's name and contact stay in our table: not on the task (its variables are kept in history)
    assertThat(form.toString()).doesNotContain(NAME, CONTACT, "O-2031-0101");
    assertThat(TasklistClient.rows(form.get("mergeOptions"))).extracting(r -> r.get("value"))
        .containsExactly("O-2031-0001", "O-2031-0002", "O-2031-0003", "O-2031-0004");

    // a merge into an opinion rejected in the same submission, and an accepted one without a response
    decide(rows, "O-2031-0001", "ACCEPTED", null, null, "");
    decide(rows, "O-2031-0002", "MERGED", "O-2031-0003", "同じ趣旨のため", null);
    decide(rows, "O-2031-0003", "REJECTED", null, "計画に関係しない内容のため", null);
    decide(rows, "O-2031-0004", "ACCEPTED", null, null, "来年度からバス路線の見直しを検討します。");
    var refused = secretariat.submit(task, Map.of("opinions", rows), "complete");
    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    assertThat(refused.json().path("message").asText())
        .contains("O-2031-0001: 回答・対応方針を入力してください")
        .contains("O-2031-0002: 統合先 O-2031-0003 は採用する意見ではありません");
    assertThat(statuses(TOWN, year)).allMatch(s -> s.endsWith(":RECEIVED"));

    // a merge into another town's accepted opinion, and a row naming another town's opinion
    db.update("update public_opinion set status = 'ACCEPTED', response = '対応します' where id = ?", foreign.id());
    decide(rows, "O-2031-0001", "ACCEPTED", null, null, "補助制度の周知を広報紙とウェブで強化します。");
    decide(rows, "O-2031-0002", "MERGED", "O-2031-0101", "同じ趣旨のため", null);
    var hostile = new ArrayList<>(rows);
    var foreignRow = new LinkedHashMap<String, Object>(rows.get(2));
    foreignRow.put("reference", "O-2031-0101");
    hostile.set(2, foreignRow);
    refused = secretariat.submit(task, Map.of("opinions", hostile), "complete");
    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    assertThat(refused.json().path("message").asText())
        .contains("O-2031-0002: 統合先 O-2031-0101 はこの年度の採用した意見ではありません")
        .contains("O-2031-0101）: この年度の未整理の意見ではありません")
        .contains("O-2031-0003: 一覧にありません");
    assertThat(statuses(TOWN, year)).allMatch(s -> s.endsWith(":RECEIVED"));
    assertThat(opinions.findById(foreign.id()).orElseThrow().mergedIntoId()).isNull();

    // another town's secretariat cannot complete it
    decide(rows, "O-2031-0002", "MERGED", "O-2031-0001", "同じ趣旨のため", null);
    assertThat(secretariat(OTHER).submit(task, Map.of("opinions", rows), "complete").status()).isIn(403, 404);
    assertThat(statuses(TOWN, year)).allMatch(s -> s.endsWith(":RECEIVED"));

    var done = secretariat.submit(task, Map.of("opinions", rows), "complete");
    assertThat(done.status()).as(done.toString()).isEqualTo(204);
    assertThat(statuses(TOWN, year)).containsExactly("O-2031-0001:ACCEPTED", "O-2031-0002:MERGED",
        "O-2031-0003:REJECTED", "O-2031-0004:ACCEPTED");
    var merged = opinions.findByMunicipalityCodeAndFiscalYearOrderByIdAsc(TOWN, year).get(1);
    assertThat(merged.mergedIntoId()).isEqualTo(opinions.findByMunicipalityCodeAndFiscalYearOrderByIdAsc(TOWN, year)
        .get(0).id());
    assertThat(merged.triagedBy()).isEqualTo(TOWN + "-jimukyoku");
    assertThat(merged.triageReason()).isEqualTo("同じ趣旨のため");

    committeeSeesTheAcceptedOnes(year);
    theReportShowsThemWithoutTheSender(year);
  }

  private void committeeSeesTheAcceptedOnes(int year) {
    towns().cycleAt(TOWN + ":" + year + ":committee", TOWN, year, FiscalYearCycleProcess.TASK_COMMITTEE_REVIEW);
    var committee = new TasklistClient(port, TOWN + "-iinkai", engineRest());
    var form = committee.form(committee.claim(TOWN + ":" + year + ":committee", FiscalYearCycleProcess.TASK_COMMITTEE_REVIEW));
    assertThat(form.get("citizenOpinionsNote").asText()).contains("2件", "統合した意見1件");
    assertThat(TasklistClient.rows(form.get("citizenOpinions"))).extracting(r -> r.get("reference"), r -> r.get("merged"),
        r -> r.get("response")).containsExactly(tuple("O-2031-0001", "1件", "補助制度の周知を広報紙とウェブで強化します。"),
        tuple("O-2031-0004", "―", "来年度からバス路線の見直しを検討します。"));
    assertThat(form.toString()).doesNotContain(NAME, CONTACT, "計画とは関係のない宣伝");
  }

  private void theReportShowsThemWithoutTheSender(int year) throws Exception {
    var cycle = TOWN + ":" + year;
    runtime.createProcessInstanceByKey(AnnualReportPublicationProcess.KEY)
        .businessKey(cycle + AnnualReportPublicationProcess.BUSINESS_KEY_SUFFIX)
        .setVariable(CycleReference.MUNICIPALITY, TOWN).setVariable(CycleReference.FISCAL_YEAR, year)
        .setVariable(CycleReference.REVIEW_YEAR, year - 1).setVariable(CycleReference.INVENTORY_YEAR, year - 2)
        .execute();
    var report = cycle + AnnualReportPublicationProcess.BUSINESS_KEY_SUFFIX;
    var secretariat = secretariat(TOWN);
    var prepare = secretariat.claim(report, AnnualReportPublicationProcess.TASK_PREPARE_REPORT);
    secretariat.complete(prepare, Map.of("summary", "意見町の年次報告書", "changeNote", "", "responses", List.of()));
    var headquarters = new TasklistClient(port, TOWN + "-honbu", engineRest());
    headquarters.complete(headquarters.claim(report, AnnualReportPublicationProcess.TASK_APPROVE_PUBLICATION),
        Map.of("decision", "APPROVE", "comment", ""));
    secretariat.complete(secretariat.claim(report, AnnualReportPublicationProcess.TASK_PUBLISH_REPORT),
        Map.of("decision", "APPROVE", "comment", ""));

    var base = "/public/" + TOWN + "/" + year;
    var text = Http.anonymous(port).get(base).body();
    assertThat(text).contains("市民・事業者からの意見と市の対応", "住宅の断熱改修の補助をもっと知らせてほしい。",
        "補助制度の周知を広報紙とウェブで強化します。", "同じ趣旨の意見 1件をまとめて掲載", "バスの本数を増やして",
        "citizen-opinions.csv").doesNotContain(NAME, CONTACT, "計画とは関係のない宣伝", "断熱改修補助の周知を商工会");
    var csv = new String(Http.anonymous(port).download(base + "/citizen-opinions.csv").body(), StandardCharsets.UTF_8);
    assertThat(csv).contains("\"O-2031-0001\",\"市民\",\"M-01\",\"住宅の省エネ支援\"", ",1,\"補助制度の周知")
        .doesNotContain(NAME, CONTACT, "O-2031-0003", "O-2031-0002");
    var json = Http.anonymous(port).get(base + "/report.json").body();
    assertThat(json).contains("\"citizenOpinions\"", "\"merged\" : 1").doesNotContain(NAME, CONTACT, "計画とは関係のない宣伝");
    try (var pdf = Loader.loadPDF(Http.anonymous(port).download(base + "/report.pdf").body())) {
      var pdfText = new PDFTextStripper().getText(pdf).replaceAll("\\s+", "");
      assertThat(pdfText).contains("市民・事業者からの意見と市の対応", "補助制度の周知を広報紙とウェブで強化します。", "同じ趣旨の意見1件をまとめて掲載")
          .doesNotContain(NAME, CONTACT);
    }
  }

  /** Tasklist's door (submit-form) with Tasklist's shape: hidden merge fields absent, texts as typed. */
  @Test
  void submitFormStoresTheTriageToo() {
    towns();
    var year = 2032;
    opinion(TOWN, year, "O-2032-0001", SenderKind.CITIZEN, null, "太陽光発電の共同購入を進めてほしいです。");
    opinion(TOWN, year, "O-2032-0002", SenderKind.BUSINESS, null, "太陽光発電の共同購入に事業者も参加したい。");
    var task = triageTask(TOWN, year);
    var secretariat = secretariat(TOWN);
    var rows = TasklistClient.rows(secretariat.form(task).get("opinions"));
    decide(rows, "O-2032-0001", "ACCEPTED", null, null, "共同購入事業を来年度に始めます。");
    decide(rows, "O-2032-0002", "MERGED", "O-2032-0001", "共同購入についての同じ趣旨の意見のため", null);
    rows.forEach(r -> r.values().removeIf(v -> v == null));
    secretariat.complete(task, Map.of("opinions", rows));
    assertThat(statuses(TOWN, year)).containsExactly("O-2032-0001:ACCEPTED", "O-2032-0002:MERGED");
  }

  /**
   * The service alone: a merge into an opinion accepted by an earlier triage is taken; one into an opinion rejected
   * earlier is refused and leaves the new opinion waiting; an opinion already decided cannot be decided again.
   */
  @Test
  void theServiceMergesIntoAnEarlierAcceptedOneButNotIntoARejectedOne() {
    towns();
    var year = 2034;
    opinion(TOWN, year, "O-2034-0001", SenderKind.CITIZEN, null, "省エネ家電の買い替え補助を続けてほしい。");
    opinion(TOWN, year, "O-2034-0002", SenderKind.CITIZEN, null, "関係のない内容の投稿です。よろしく。");
    triage.triage(TOWN, year, List.of(new Decision("O-2034-0001", OpinionStatus.ACCEPTED, null, null, "継続します。"),
        new Decision("O-2034-0002", OpinionStatus.REJECTED, null, "計画に関係しないため", null)), "tester");
    opinion(TOWN, year, "O-2034-0003", SenderKind.BUSINESS, null, "家電の買い替え補助の継続を希望します。");

    assertThatThrownBy(() -> triage.triage(TOWN, year, List.of(new Decision("O-2034-0003", OpinionStatus.MERGED,
        "O-2034-0002", "同じ趣旨のため", null)), "tester")).isInstanceOf(TaskInputException.class)
        .hasMessageContaining("O-2034-0003: 統合先 O-2034-0002 はこの年度の採用した意見ではありません");
    assertThat(statuses(TOWN, year)).containsExactly("O-2034-0001:ACCEPTED", "O-2034-0002:REJECTED",
        "O-2034-0003:RECEIVED");
    assertThatThrownBy(() -> triage.triage(TOWN, year, List.of(new Decision("O-2034-0001", OpinionStatus.REJECTED,
        null, "やはり不採用", null), new Decision("O-2034-0003", OpinionStatus.REJECTED, null, "重複", null)), "tester"))
        .hasMessageContaining("1件目（O-2034-0001）: この年度の未整理の意見ではありません");
    assertThat(statuses(TOWN, year)).containsExactly("O-2034-0001:ACCEPTED", "O-2034-0002:REJECTED",
        "O-2034-0003:RECEIVED");

    triage.triage(TOWN, year, List.of(new Decision("O-2034-0003", OpinionStatus.MERGED, "O-2034-0001",
        "同じ趣旨のため", null)), "tester");
    assertThat(triage.accepted(TOWN, year)).extracting(AcceptedOpinion::reference, AcceptedOpinion::merged,
        AcceptedOpinion::senderKindLabel).containsExactly(tuple("O-2034-0001", 1, "市民"));
  }
}

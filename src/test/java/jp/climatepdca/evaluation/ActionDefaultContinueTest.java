package jp.climatepdca.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jp.climatepdca.plan.MeasureKind;
import jp.climatepdca.plan.MeasureView;
import jp.climatepdca.plan.PlanService;
import jp.climatepdca.testing.AppTest;
import jp.climatepdca.testing.Http;
import jp.climatepdca.testing.TasklistClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Issue #20: the Action step decides 継続 by default. Through /engine-rest as the secretariat's client or
 * Tasklist would: the exceptions (継続以外とする施策) are applied, every other measure is recorded 継続 with the
 * default's note; bad input (a code of no measure of this year's plan, another town's measure, a measure twice,
 * no reason, a promotion of an implementation measure, an unknown decision) is refused with a Japanese 400 at
 * both doors and nothing is recorded; the old one-row-per-measure list still works for API clients.
 */
@AppTest
class ActionDefaultContinueTest {

  private static final int YEAR = 2072;

  @LocalServerPort
  int port;

  @Autowired
  ApplicationContext context;

  @Autowired
  EvaluationService evaluations;

  @Test
  void exceptionsAppliedTheRestContinuesByDefault() {
    var town = "963402";
    var action = actionOf(town);
    var client = new TasklistClient(port, town + "-jimukyoku");
    var form = client.form(action);
    assertThat(TasklistClient.rows(form.get("exceptions"))).isEmpty();
    assertThat(form.get("filterDepartment").asText()).isEqualTo("ALL");
    assertThat(TasklistClient.rows(form.get("measureOptions"))).extracting(o -> o.get("label"))
        .containsExactly("環境課 / A-01 省エネ診断（―・指標なし）", "環境課 / A-02 水素の活用の検討（―・指標なし）",
            "都市計画課 / B-01 公共交通の利用促進（―・指標なし）", "都市計画課 / B-02 緑化の推進（―・指標なし）");
    assertThat(TasklistClient.rows(form.get("departmentOptions"))).extracting(o -> o.get("value"))
        .containsExactly("ALL", "kankyo", "toshi");

    // every refusal is a 400 in Japanese naming the row or the measure, and records nothing
    refused(client.submit(action, exceptions(row("Z-99", "DISCARD", "不明"))), "Z-99", "見直しの対象ではありません");
    refused(client.submit(action, exceptions(row("ENV-01", "DISCARD", "他の市の施策"))), "ENV-01", "見直しの対象ではありません");
    refused(client.submit(action, exceptions(row("A-01", "DISCARD", "一度目"), row("A-01", "MODIFY", "二度目"))),
        "A-01: 同じ施策が2回入力されています");
    refused(client.submit(action, exceptions(row("A-01", "MODIFY", "  "))), "A-01: 継続以外とする理由");
    refused(client.submit(action, exceptions(row("B-01", "PROMOTE", "移行する"))), "B-01: 実施事業へ移行できるのは検討事業だけです");
    refused(client.submit(action, exceptions(row("B-01", "ABOLISH", "廃止する"))), "B-01: 判断の値 \"ABOLISH\" は選択肢にありません");
    refused(client.submit(action, exceptions(row(null, "DISCARD", "施策なし"))), "継続以外とする施策の1行目: 施策を選んでください");
    refused(client.submit(action, exceptions(row("B-02", "DISCARD", "長".repeat(4001)))), "4000文字以内");
    // the same measure decided in the old list and as an exception
    var listed = TasklistClient.rows(form.get("measures"));
    listed.stream().filter(r -> "A-01".equals(r.get("measureCode"))).forEach(r -> r.put("decision", "DISCARD"));
    refused(client.submit(action, Map.of("measures", listed, "exceptions", List.of(row("A-01", "MODIFY", "拡充")))),
        "A-01: 同じ施策が2回入力されています");
    // Camunda's complete: the same checks
    refused(client.submit(action, exceptions(row("Z-99", "DISCARD", "不明")), "complete"), "見直しの対象ではありません");
    assertThat(evaluations.decisions(town, YEAR)).isEmpty();

    client.complete(action, Map.of("exceptions", List.of(row("A-01", "MODIFY", "対象を事業者にも広げる"),
        row("A-02", "PROMOTE", "検討を終え実施する")), "filterDepartment", "kankyo", "filterGrade", "ALL"));

    var decided = evaluations.decisions(town, YEAR).stream()
        .collect(Collectors.toMap(MeasureDecisionView::measureCode, d -> d));
    assertThat(decided).containsOnlyKeys("A-01", "A-02", "B-01", "B-02");
    assertThat(decided.get("A-01").decision()).isEqualTo(ActionDecision.MODIFY);
    assertThat(decided.get("A-01").note()).isEqualTo("対象を事業者にも広げる");
    assertThat(decided.get("A-02").decision()).isEqualTo(ActionDecision.PROMOTE);
    for (var code : List.of("B-01", "B-02")) {
      assertThat(decided.get(code).decision()).isEqualTo(ActionDecision.CONTINUE);
      assertThat(decided.get(code).note()).isEqualTo(ActionDecisionRows.DEFAULT_NOTE);
      assertThat(decided.get(code).decidedBy()).isEqualTo(town + "-jimukyoku");
    }
    // the history shows the default like an explicit 継続, and next year's plan follows the decisions
    var history = Http.as(port, town + "-jimukyoku").get("/api/measures/" + town + "/B-01/decisions");
    assertThat(history.status()).as(history.toString()).isEqualTo(200);
    assertThat(history.body()).contains("\"decision\":\"CONTINUE\"", ActionDecisionRows.DEFAULT_NOTE);
    var next = context.getBean(PlanService.class).activeMeasures(town).stream().collect(Collectors.toMap(MeasureView::code, m -> m));
    assertThat(next.get("A-02").kind()).isEqualTo(MeasureKind.IMPLEMENTATION);
    assertThat(next.get("B-01").lastDecision().label()).isEqualTo("継続");
  }

  /** An API client written for the first version: reads measures, sets some decisions, sends them back. */
  @Test
  void theOldListStillDecidesAndLeavesTheRestToTheDefault() {
    var town = "963403";
    var action = actionOf(town);
    var client = new TasklistClient(port, town + "-jimukyoku");
    var listed = TasklistClient.rows(client.form(action).get("measures"));
    assertThat(listed).extracting(r -> r.get("measureCode")).containsExactlyInAnyOrder("A-01", "A-02", "B-01", "B-02");
    for (var row : listed) {
      switch ((String) row.get("measureCode")) {
        case "A-01" -> row.put("decision", "MODIFY");
        case "B-02" -> row.putAll(Map.of("decision", "DISCARD", "note", "目的を達成した"));
        case "B-01" -> row.put("decision", "CONTINUE");
        default -> { }
      }
    }
    refused(client.submit(action, Map.of("measures", listed), "complete"), "A-01: 修正する場合は見直しの内容を入力してください");
    listed.stream().filter(r -> "A-01".equals(r.get("measureCode"))).forEach(r -> r.put("note", "補助額を見直す"));
    var unknown = new ArrayList<>(listed);
    unknown.add(new LinkedHashMap<>(Map.of("measureCode", "X-01", "decision", "DISCARD")));
    refused(client.submit(action, Map.of("measures", unknown)), "施策コード \"X-01\" は見直しの対象ではありません");
    assertThat(evaluations.decisions(town, YEAR)).isEmpty();

    var done = client.submit(action, Map.of("measures", listed), "complete");
    assertThat(done.status()).as(done.toString()).isEqualTo(204);
    var decided = evaluations.decisions(town, YEAR).stream()
        .collect(Collectors.toMap(MeasureDecisionView::measureCode, d -> d));
    assertThat(decided.get("A-01").decision()).isEqualTo(ActionDecision.MODIFY);
    assertThat(decided.get("B-02").decision()).isEqualTo(ActionDecision.DISCARD);
    assertThat(decided.get("B-01").decision()).isEqualTo(ActionDecision.CONTINUE);
    assertThat(decided.get("B-01").note()).isNull();
    assertThat(decided.get("A-02").decision()).isEqualTo(ActionDecision.CONTINUE);
    assertThat(decided.get("A-02").note()).isEqualTo(ActionDecisionRows.DEFAULT_NOTE);
  }

  /** Another town's secretariat neither sees nor completes this town's Action step. */
  @Test
  void anotherTownsSecretariatCannotDecide() {
    var town = "963404";
    var action = actionOf(town);
    town("963405");
    var stranger = new TasklistClient(port, "963405-jimukyoku");
    var response = stranger.submit(action, exceptions(row("A-01", "DISCARD", "他の町から")));
    assertThat(response.status()).as(response.toString()).isIn(403, 404);
    assertThat(evaluations.decisions(town, YEAR)).isEmpty();
  }

  private String actionOf(String town) {
    town(town);
    var id = ActionStep.reach(context, port, town, YEAR);
    var claim = Http.as(port, town + "-jimukyoku").post("/engine-rest/task/" + id + "/claim",
        Map.of("userId", town + "-jimukyoku"));
    assertThat(claim.status()).as(claim.toString()).isEqualTo(204);
    return id;
  }

  /** The town's plan (two departments, four measures, A-02 a study measure) and its secretariat's user. */
  private void town(String town) {
    var file = Map.of(
        "municipality", Map.of("code", town, "name", "町" + town, "baseYear", 2013),
        "departments", List.of(Map.of("code", "kankyo", "name", "環境課"), Map.of("code", "toshi", "name", "都市計画課")),
        "measures", List.of(
            measure("A-01", "kankyo", "省エネ診断", "IMPLEMENTATION"),
            measure("A-02", "kankyo", "水素の活用の検討", "STUDY"),
            measure("B-01", "toshi", "公共交通の利用促進", "IMPLEMENTATION"),
            measure("B-02", "toshi", "緑化の推進", "IMPLEMENTATION")));
    ActionStep.town(context, town, Http.write(file));
  }

  private static Map<String, Object> measure(String code, String department, String name, String kind) {
    return Map.of("code", code, "department", department, "name", name, "sector", "HOUSEHOLD", "kind", kind);
  }

  private static Map<String, Object> exceptions(Map<String, Object>... rows) {
    return Map.of("exceptions", List.of(rows));
  }

  private static Map<String, Object> row(String code, String decision, String note) {
    var row = new LinkedHashMap<String, Object>();
    row.put("measureCode", code);
    row.put("decision", decision);
    row.put("note", note);
    return row;
  }

  private static void refused(Http.Response response, String... parts) {
    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.json().path("message").asText()).contains(parts);
  }
}

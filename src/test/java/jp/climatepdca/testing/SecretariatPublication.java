package jp.climatepdca.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import jp.climatepdca.publication.AnnualReportPublicationProcess;

/**
 * The publication path of a cycle as its users work it in Tasklist: the secretariat prepares the annual
 * report with a response to every committee opinion, headquarters approves, the secretariat publishes.
 */
public final class SecretariatPublication {

  private SecretariatPublication() {}

  /** Prepared, approved and published at the first try by the demo users. */
  public static void prepareApproveAndPublish(int port, String cycle, String summary) {
    prepare(port, cycle, summary, "");
    approve(port, cycle, "honbu");
    publish(port, cycle);
  }

  public static void prepare(int port, String cycle, String summary, String changeNote) {
    var secretariat = new TasklistClient(port, "jimukyoku");
    var task = secretariat.claim(reportKey(cycle), AnnualReportPublicationProcess.TASK_PREPARE_REPORT);
    var rows = TasklistClient.rows(secretariat.form(task).get("responses"));
    rows.forEach(row -> row.put("response", "ご意見を踏まえ、" + row.get("measureCode") + "について来年度に対応します"));
    secretariat.complete(task, Map.of("summary", summary, "changeNote", changeNote, "responses", rows));
  }

  public static void approve(int port, String cycle, String user) {
    var headquarters = new TasklistClient(port, user);
    var task = headquarters.claim(reportKey(cycle), AnnualReportPublicationProcess.TASK_APPROVE_PUBLICATION);
    assertThat(headquarters.form(task).get("contents").asText()).contains("施策の自己評価");
    headquarters.complete(task, Map.of("decision", "APPROVE", "comment", ""));
  }

  public static void publish(int port, String cycle) {
    var secretariat = new TasklistClient(port, "jimukyoku");
    var task = secretariat.claim(reportKey(cycle), AnnualReportPublicationProcess.TASK_PUBLISH_REPORT);
    secretariat.complete(task, Map.of("decision", "APPROVE", "comment", ""));
  }

  public static String reportKey(String cycle) {
    return cycle + AnnualReportPublicationProcess.BUSINESS_KEY_SUFFIX;
  }
}

package jp.climatepdca.periodevaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import jp.climatepdca.plan.ClosedPlanYears;
import jp.climatepdca.plan.PlanVersionService;
import jp.climatepdca.system.UserInputException;
import org.springframework.stereotype.Component;

/**
 * The revised plan the secretariat drafts: a plan file (docs/plan-file-format.md) whose {@code plan} block
 * this evaluation fixes (effective from the next fiscal year, reason 中間見直し or 改定), checked as a plan
 * file upload is and refused as a whole with every error named.
 */
@Component
class PlanRevisionDraft {

  static final int MAX_LENGTH = 2_000_000;
  static final String TITLE = "改定案を登録できません";

  private final PlanVersionService versions;
  private final List<ClosedPlanYears> closed;
  private final ObjectMapper json;

  PlanRevisionDraft(PlanVersionService versions, List<ClosedPlanYears> closed, ObjectMapper json) {
    this.versions = versions;
    this.closed = closed;
    this.json = json;
  }

  /**
   * The fiscal year from which the revision applies: the one after the evaluation's. Should that year have
   * been closed meanwhile (an evaluation that took more than a year), the first year after the last closed
   * one: a version may never change a closed year, and the evaluation would otherwise have no way to end.
   */
  int effectiveYear(PeriodEvaluationRow row) {
    int lastClosed = closed.stream().flatMap(c -> c.closedYears(row.municipality()).stream())
        .mapToInt(ClosedPlanYears.ClosedYear::planYear).max().orElse(Integer.MIN_VALUE);
    return Math.max(row.fiscalYear() + 1, lastClosed + 1);
  }

  /**
   * The starting point: the newest version's file with the plan block set. A final-year revision is the
   * next plan, so its period follows the current one, as long.
   */
  String prepare(PeriodEvaluationRow row) {
    var latest = versions.latestDocument(row.municipality()).orElseThrow();
    try {
      var doc = (ObjectNode) json.readTree(latest);
      var plan = doc.withObject("/plan");
      if (row.kind() == EvaluationKind.FINAL) {
        plan.put("firstYear", row.lastYear() + 1);
        plan.put("lastYear", row.lastYear() + 1 + (row.lastYear() - row.firstYear()));
      } else {
        plan.put("firstYear", row.firstYear());
        plan.put("lastYear", row.lastYear());
      }
      setPlan(doc, row);
      return json.writerWithDefaultPrettyPrinter().writeValueAsString(doc);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable plan version of " + row.municipality(), e);
    }
  }

  /**
   * Checks the uploaded file and answers it with its plan block fixed, or refuses it as a whole: 400
   * (UserInputException, every error) or 409 (ConflictException: a closed year, an open task).
   */
  String check(PeriodEvaluationRow row, String text) {
    if (text == null || text.isBlank()) {
      throw new UserInputException(TITLE, List.of("改定後の計画データ（JSON）がありません"));
    }
    if (text.length() > MAX_LENGTH) {
      throw new UserInputException(TITLE, List.of("改定後の計画データは" + MAX_LENGTH + "文字以内にしてください（"
          + text.length() + "文字）"));
    }
    ObjectNode doc;
    try {
      var tree = json.readTree(text);
      if (!(tree instanceof ObjectNode object)) {
        throw new UserInputException(TITLE, List.of("改定後の計画データは計画データファイルと同じ JSON のオブジェクト（{ … }）にしてください"));
      }
      doc = object;
    } catch (JsonProcessingException e) {
      throw new UserInputException(TITLE, List.of("改定後の計画データを JSON として読めません（" + e.getOriginalMessage() + "、"
          + e.getLocation().getLineNr() + "行目）"));
    }
    var errors = new ArrayList<String>();
    var code = doc.path("municipality").path("code").asText(null);
    if (code == null) {
      errors.add("municipality.code: 自治体コードがありません（" + row.municipality() + "）");
    } else if (!code.equals(row.municipality())) {
      errors.add("municipality.code: この評価は自治体 " + row.municipality() + " の計画です（" + code + " は変更できません）");
    }
    if (doc.has("plan") && !doc.get("plan").isObject()) {
      errors.add("plan: 計画期間の項目はオブジェクト（{\"firstYear\": …, \"lastYear\": …}）で書いてください");
    }
    if (!errors.isEmpty()) {
      throw new UserInputException(TITLE, errors);
    }
    var plan = doc.withObject("/plan");
    if (!plan.has("firstYear") && !plan.has("lastYear") && row.kind() == EvaluationKind.MIDTERM) {
      plan.put("firstYear", row.firstYear());
      plan.put("lastYear", row.lastYear());
    }
    setPlan(doc, row);
    String fixed;
    try {
      fixed = json.writeValueAsString(doc);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    versions.checkVersion(row.municipality(), new ByteArrayInputStream(fixed.getBytes(StandardCharsets.UTF_8)));
    return fixed;
  }

  private void setPlan(ObjectNode doc, PeriodEvaluationRow row) {
    var plan = doc.withObject("/plan");
    plan.put("effectiveYear", effectiveYear(row));
    plan.put("reason", row.kind().revisionReason().label());
  }
}

package jp.climatepdca.periodevaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * The draft as tables for a form (targets, measures, indicators as the file writes them) and its difference
 * from the version in force (RevisionDiffRows): JSON lists hold any length.
 */
@Component
class RevisionRows {

  private final ObjectMapper json;
  private final RevisionDiffRows diff;

  RevisionRows(ObjectMapper json, RevisionDiffRows diff) {
    this.json = json;
    this.diff = diff;
  }

  void show(DelegateTask task, String municipality, String document) {
    task.setVariablesLocal(values(municipality, document));
  }

  /**
   * The form's variables for a draft: its status, its plan block, the three tables of the file and the diff
   * against the version in force (JSON lists).
   */
  Map<String, Object> values(String municipality, String document) {
    JsonNode doc;
    try {
      doc = json.readTree(document);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable revised plan", e);
    }
    var values = new LinkedHashMap<String, Object>();
    values.put("draftStatus", Variables.stringValue("登録済み（" + document.length() + "文字）"));
    var plan = doc.path("plan");
    values.put("draftPlan", Variables.stringValue(plan.path("firstYear").asText("—") + "〜" + plan.path("lastYear").asText("—")
        + "年度、" + plan.path("effectiveYear").asText("—") + "年度から適用（" + plan.path("reason").asText("—") + "）"));
    var targets = new ArrayList<Map<String, Object>>();
    doc.path("emissionTargets").forEach(t -> targets.add(row("year", t.path("year").asText() + "年度",
        "reduction", t.path("reductionPercent").asText() + "%", "label", t.path("label").asText(""))));
    var measures = new ArrayList<Map<String, Object>>();
    doc.path("measures").forEach(m -> measures.add(row("code", m.path("code").asText(), "name", m.path("name").asText(),
        "department", m.path("department").asText(""), "change", change(m))));
    var indicators = new ArrayList<Map<String, Object>>();
    doc.path("indicators").forEach(i -> indicators.add(row("code", i.path("code").asText(), "name",
        i.path("name").asText(), "target", i.path("targetYear").asText("") + "年度 " + i.path("targetValue").asText("")
            + " " + i.path("unit").asText(""), "change", change(i))));
    values.put("draftTargets", jsonList(targets));
    values.put("draftMeasures", jsonList(measures));
    values.put("draftIndicators", jsonList(indicators));
    diff.values(municipality, document).forEach((name, value) -> values.put(name,
        value instanceof List<?> rows ? jsonList(rows) : Variables.stringValue((String) value)));
    return values;
  }

  private Object jsonList(List<?> rows) {
    try {
      return SpinValues.jsonValue(json.writeValueAsString(rows)).create();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String change(JsonNode entry) {
    var parts = new ArrayList<String>();
    if (entry.hasNonNull("retiredFrom")) {
      parts.add(entry.path("retiredFrom").asText() + "年度から廃止");
    }
    if (entry.hasNonNull("replaces")) {
      parts.add(entry.path("replaces").asText() + " の後継");
    }
    return String.join("、", parts);
  }

  private static Map<String, Object> row(String... keysAndValues) {
    var row = new LinkedHashMap<String, Object>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      row.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return row;
  }
}

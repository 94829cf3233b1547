package jp.climatepdca.publication;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import jp.climatepdca.publication.ReportSnapshot.ReportRequest;
import jp.climatepdca.system.CycleReference;
import jp.climatepdca.system.FormTaskListener;
import jp.climatepdca.system.TaskVariables;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Task_PrepareReport (年次報告書の作成): the secretariat writes the report's summary and a response
 * (対応方針) to every committee opinion; on completion the data as it is now is frozen into the draft.
 * A correction of a published report must say what changed.
 */
@Component("annualReportPreparationListener")
class AnnualReportPreparationListener extends FormTaskListener {

  static final String SUMMARY = "summary";
  static final String CHANGE_NOTE = "changeNote";
  static final String RESPONSES = "responses";
  static final int MAX_SUMMARY = 8000;
  static final int MAX_TEXT = 4000;

  private final AnnualReportService reports;
  private final ReportSnapshot snapshot;
  private final ReportForms forms;
  private final TaskVariables variables;

  AnnualReportPreparationListener(AnnualReportService reports, ReportSnapshot snapshot, ReportForms forms,
      TaskVariables variables) {
    this.reports = reports;
    this.snapshot = snapshot;
    this.forms = forms;
    this.variables = variables;
  }

  @Override
  protected void onCreate(DelegateTask task, CycleReference cycle) {
    forms.header(task, cycle);
    // a returned draft comes back as written; a correction starts from the published version
    var draft = reports.openDraft(cycle.municipality(), cycle.fiscalYear());
    var earlier = draft.or(() -> reports.latestPublishedContent(cycle.municipality(), cycle.fiscalYear()));
    var correction = reports.isPublished(cycle.municipality(), cycle.fiscalYear());
    variables.putText(task, "correction", correction ? "true" : "");
    variables.putText(task, SUMMARY, earlier.map(ReportContent::summary).orElse(""));
    // a new correction says what it changes itself; only its own returned draft brings a note back
    variables.putText(task, CHANGE_NOTE, draft.map(ReportContent::changeNote).orElse(""));
    var rows = snapshot.opinions(cycle.municipality(), cycle.fiscalYear()).stream().map(o -> {
      var row = new LinkedHashMap<String, Object>();
      row.put("opinionId", o.id());
      row.put("measureCode", o.measureCode() == null ? "全体" : o.measureCode());
      row.put("opinion", o.opinion());
      row.put("response", earlier.flatMap(c -> c.opinions().stream()
          .filter(e -> Objects.equals(e.measureCode(), o.measureCode()) && Objects.equals(e.opinion(), o.opinion()))
          .map(ReportContent.OpinionEntry::response).filter(Objects::nonNull).findFirst()).orElse(""));
      return (Map<String, Object>) row;
    }).toList();
    variables.putRows(task, RESPONSES, rows);
  }

  @Override
  protected void onComplete(DelegateTask task, CycleReference cycle) {
    var errors = new ArrayList<String>();
    var summary = variables.text(task, SUMMARY).orElse(null);
    if (summary == null) {
      errors.add("年次報告書の概要を入力してください");
    } else if (summary.length() > MAX_SUMMARY) {
      errors.add("年次報告書の概要は" + MAX_SUMMARY + "文字以内で入力してください（" + summary.length() + "文字）");
    }
    var changeNote = variables.text(task, CHANGE_NOTE).orElse(null);
    if (reports.isPublished(cycle.municipality(), cycle.fiscalYear()) && changeNote == null) {
      errors.add("訂正版の公表です。訂正の内容（前の版から何を変えたか）を入力してください");
    }
    if (changeNote != null && changeNote.length() > MAX_TEXT) {
      errors.add("訂正の内容は" + MAX_TEXT + "文字以内で入力してください");
    }
    var responses = responses(task, cycle, errors);
    refuseIfAny(errors);
    reports.prepare(new ReportRequest(cycle.municipality(), cycle.fiscalYear(), CycleReference.reviewYear(task),
        CycleReference.inventoryYear(task), summary, changeNote), responses, variables.currentUser(task));
  }

  /** Every opinion of the year needs its response; rows naming other opinions are refused. */
  private Map<Long, String> responses(DelegateTask task, CycleReference cycle, List<String> errors) {
    var opinions = snapshot.opinions(cycle.municipality(), cycle.fiscalYear());
    var expected = new HashMap<Long, String>();
    opinions.forEach(o -> expected.put(o.id(), o.measureCode() == null ? "全体" : o.measureCode()));
    var responses = new HashMap<Long, String>();
    var seen = new HashSet<Long>();
    for (var row : variables.rows(task, RESPONSES)) {
      Long id = row.get("opinionId") instanceof Number n ? n.longValue() : null;
      if (id == null || !expected.containsKey(id)) {
        errors.add("対応方針: 意見 \"" + row.get("opinionId") + "\" はこの年度の推進委員会の意見ではありません");
        continue;
      }
      if (!seen.add(id)) {
        errors.add("対応方針: 同じ意見が2回入力されています（" + expected.get(id) + "）");
        continue;
      }
      var response = row.get("response") instanceof String s && !s.isBlank() ? s.strip() : null;
      var position = opinions.indexOf(opinions.stream().filter(o -> o.id() == id).findFirst().orElseThrow()) + 1;
      if (response == null) {
        errors.add("対応方針: " + position + "件目の意見（" + expected.get(id) + "）への対応方針を入力してください");
      } else if (response.length() > MAX_TEXT) {
        errors.add("対応方針: " + position + "件目の意見への対応方針は" + MAX_TEXT + "文字以内で入力してください");
      } else {
        responses.put(id, response);
      }
    }
    opinions.stream().filter(o -> !seen.contains(o.id())).forEach(o -> errors.add(
        "対応方針: 意見（" + expected.get(o.id()) + "）が一覧にありません"));
    return responses;
  }
}

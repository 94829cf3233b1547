package jp.climatepdca.publication;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import jp.climatepdca.evaluation.OpinionView;
import jp.climatepdca.publication.ReportSnapshot.ReportRequest;
import jp.climatepdca.system.CycleReference;
import jp.climatepdca.system.FormTaskListener;
import jp.climatepdca.system.TaskVariables;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Task_PrepareReport (年次報告書の作成): the secretariat writes the report's summary and a response
 * (対応方針) to every committee opinion, of this year and, where the committee heard last year's report after
 * it was published ({@link PriorOpinions}), of last year; on completion the data as it is now is frozen into
 * the draft. A correction of a published report must say what changed.
 */
@Component("annualReportPreparationListener")
class AnnualReportPreparationListener extends FormTaskListener {

  static final String SUMMARY = "summary";
  static final String CHANGE_NOTE = "changeNote";
  static final String RESPONSES = "responses";
  static final String PRIOR_RESPONSES = "priorResponses";
  static final String PRIOR_TITLE = "priorOpinionsTitle";
  static final int MAX_SUMMARY = 8000;
  static final int MAX_TEXT = 4000;
  private static final String OPINION_ID = "opinionId";
  private static final String MEASURE = "measureCode";
  private static final String OPINION = "opinion";
  private static final String WHOLE_PLAN = PriorOpinions.WHOLE_PLAN;
  private static final Answering THIS_YEAR = new Answering("対応方針: ", "推進委員会の意見", "この年度の");

  private final AnnualReportService reports;
  private final ReportSnapshot snapshot;
  private final ReportForms forms;
  private final TaskVariables variables;
  private final PriorOpinions prior;

  AnnualReportPreparationListener(AnnualReportService reports, ReportSnapshot snapshot, ReportForms forms,
      TaskVariables variables, PriorOpinions prior) {
    this.reports = reports;
    this.snapshot = snapshot;
    this.forms = forms;
    this.variables = variables;
    this.prior = prior;
  }

  /** Whose opinions a list answers, as its messages name them. */
  private record Answering(String list, String opinions, String year) {}

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
      row.put(OPINION_ID, o.id());
      row.put(MEASURE, target(o));
      row.put(OPINION, o.opinion());
      row.put("response", earlier.flatMap(c -> c.opinions().stream()
          .filter(e -> Objects.equals(e.measureCode(), o.measureCode()) && Objects.equals(e.opinion(), o.opinion()))
          .map(ReportContent.OpinionEntry::response).filter(Objects::nonNull).findFirst()).orElse(""));
      return (Map<String, Object>) row;
    }).toList();
    variables.putRows(task, RESPONSES, rows);
    var priorRows = prior.rows(cycle.municipality(), cycle.fiscalYear());
    variables.putRows(task, PRIOR_RESPONSES, priorRows);
    variables.putText(task, PRIOR_TITLE, priorRows.isEmpty() ? "" : prior.title(cycle.municipality(), cycle.fiscalYear()));
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
    var responses = responses(snapshot.opinions(cycle.municipality(), cycle.fiscalYear()),
        variables.rows(task, RESPONSES), THIS_YEAR, errors);
    var lastYear = cycle.fiscalYear() - 1;
    var priorResponses = responses(prior.toAnswer(cycle.municipality(), cycle.fiscalYear()),
        variables.rows(task, PRIOR_RESPONSES), new Answering("前年度の意見への対応方針: ", lastYear + "年度の年次報告書に対する"
            + "委員会の意見", lastYear + "年度の報告書に対する"), errors);
    refuseIfAny(errors);
    reports.prepare(new ReportRequest(cycle.municipality(), cycle.fiscalYear(), CycleReference.reviewYear(task),
        CycleReference.inventoryYear(task), summary, changeNote), responses, priorResponses,
        variables.currentUser(task));
  }

  /**
   * Every opinion of the list (the year's, or last year's heard after publishing) needs its response. The rows
   * are the form's list, which cannot add or remove rows, so row n answers the n-th opinion as the server lists
   * it: form-js 1.8 (Tasklist 7.24) drops a list's hidden values, so no id comes back from Tasklist. What the
   * row still carries (the read-only measure and opinion it showed, and the opinion id an API client copies
   * back) must match that opinion, so a reordered, stale or foreign list is refused rather than answering the
   * wrong opinion.
   */
  private static Map<Long, String> responses(List<OpinionView> opinions, List<Map<String, Object>> rows,
      Answering answering, List<String> errors) {
    if (rows.size() != opinions.size()) {
      errors.add(answering.list() + answering.opinions() + "は" + opinions.size() + "件ですが、一覧は" + rows.size()
          + "件です。画面を開き直してください");
      return Map.of();
    }
    var responses = new HashMap<Long, String>();
    for (int i = 0; i < rows.size(); i++) {
      var row = rows.get(i);
      var opinion = opinions.get(i);
      var target = target(opinion);
      var position = (i + 1) + "件目の意見（" + target + "）";
      if (!matches(row, opinion)) {
        errors.add(answering.list() + (i + 1) + "件目の行が" + answering.year() + position + "と一致しません。画面を開き直してください");
        continue;
      }
      var response = row.get("response") instanceof String s && !s.isBlank() ? s.strip() : null;
      if (response == null) {
        errors.add(answering.list() + position + "への対応方針を入力してください");
      } else if (response.length() > MAX_TEXT) {
        errors.add(answering.list() + position + "への対応方針は" + MAX_TEXT + "文字以内で入力してください");
      } else {
        responses.put(opinion.id(), response);
      }
    }
    return responses;
  }

  /** Only what the row carries is compared: Tasklist sends the read-only texts, an API client may send the id. */
  private static boolean matches(Map<String, Object> row, OpinionView opinion) {
    var id = row.get(OPINION_ID);
    if (id != null && !(id instanceof Number n && n.longValue() == opinion.id())) {
      return false;
    }
    var measure = row.get(MEASURE);
    if (measure != null && !target(opinion).equals(measure)) {
      return false;
    }
    var text = row.get(OPINION);
    return text == null || Objects.equals(opinion.opinion(), text);
  }

  private static String target(OpinionView opinion) {
    return opinion.measureCode() == null ? WHOLE_PLAN : opinion.measureCode();
  }
}

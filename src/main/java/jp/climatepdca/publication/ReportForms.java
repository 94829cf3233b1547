package jp.climatepdca.publication;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.climatepdca.emission.EmissionsSummary;
import jp.climatepdca.plan.PlanService;
import jp.climatepdca.review.ReviewLevel;
import jp.climatepdca.review.ReviewLog;
import jp.climatepdca.system.CycleReference;
import jp.climatepdca.system.TaskVariables;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** What the three publication forms show about the report: its year, contents and any return comment. */
@Component
class ReportForms {

  static final List<ReviewLevel> REVIEWERS = List.of(ReviewLevel.REPORT_APPROVAL, ReviewLevel.REPORT_PUBLICATION);

  private final PlanService plan;
  private final ReviewLog reviews;
  private final TaskVariables variables;
  private final DraftReportAddresses addresses;

  ReportForms(PlanService plan, ReviewLog reviews, TaskVariables variables, DraftReportAddresses addresses) {
    this.addresses = addresses;
    this.plan = plan;
    this.reviews = reviews;
    this.variables = variables;
  }

  void header(DelegateTask task, CycleReference cycle) {
    variables.putText(task, "municipalityName", plan.municipality(cycle.municipality()).name());
    variables.putText(task, "fiscalYearLabel", FiscalYears.label(cycle.fiscalYear()));
    variables.putText(task, "returnNotice", reviews.pendingReturnNotice(cycle.municipality(), cycle.fiscalYear(), null,
        REVIEWERS).orElse(""));
  }

  /**
   * The frozen draft as reviewers read it: texts, responses to the opinions, what it contains, and links to its
   * preview page and draft PDF.
   */
  void draft(DelegateTask task, ReportContent content) {
    variables.putText(task, "reportVersion", "第" + content.version() + "版");
    variables.putText(task, "summary", content.summary());
    variables.putText(task, "changeNote", content.changeNote() == null ? "" : content.changeNote());
    variables.putText(task, "contents", contents(content));
    // the report as it will be published (DraftReportController), built from the task's own report, not input;
    // at the webapps' address, where the Tasklist session is the login (no second password prompt)
    var draft = addresses.tasklist(content.municipality(), content.fiscalYear());
    variables.putText(task, "previewLink", draft);
    variables.putText(task, "draftPdfLink", draft + "/report.pdf");
    variables.putRows(task, "responses", content.opinions().stream().map(o -> {
      var row = new LinkedHashMap<String, Object>();
      row.put("measureCode", o.measureCode() == null ? "全体" : o.measureCode());
      row.put("opinion", o.opinion());
      row.put("response", o.response());
      return (Map<String, Object>) row;
    }).toList());
  }

  /** One paragraph naming what the snapshot holds, so nobody approves a report with a missing part unawares. */
  static String contents(ReportContent c) {
    var text = new StringBuilder();
    text.append("施策の自己評価 ").append(c.measures().size()).append("件、推進委員会の意見 ")
        .append(c.opinions().size()).append("件、");
    if (c.emissions() == null) {
      text.append("温室効果ガス排出量: 算定済みの年度なし、");
    } else {
      text.append("温室効果ガス排出量 ").append(FiscalYears.label(c.emissions().inventoryYear())).append(" ")
          .append(EmissionsSummary.tonnes(c.emissions().total())).append(" t-CO2（").append(c.emissions().trend().size())
          .append("か年の推移）、");
    }
    text.append("指標 ").append(c.indicators().size()).append("件、削減目標 ").append(c.targets().size()).append("件");
    return text.toString();
  }
}

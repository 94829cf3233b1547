package jp.climatepdca.evaluation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import jp.climatepdca.cycle.CycleGovernance;
import jp.climatepdca.plan.MeasureView;
import jp.climatepdca.plan.PlanGovernance;
import jp.climatepdca.plan.PlanGovernance.ReviewOrder;
import jp.climatepdca.plan.PlanService;
import jp.climatepdca.system.CycleReference;
import jp.climatepdca.system.TaskVariables;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The committee's opinions on last year's published report, for this year's staff (docs/governance.md). Under
 * {@code REPORT_AFTER_PUBLISHING} (seed 004, 川崎市) the 環境審議会 hears the annual report of fiscal year N − 1
 * after it is published, when N − 1's Action step is over: 「環境審議会からの意見を聴取しながら進行管理を行います」,
 * so its opinions serve year N. They are stored as committee opinions of N − 1; this shows them, each with that
 * year, in N's Check forms (the secretariat's compile, headquarters, the committee itself) and its Action step,
 * where the year's staff decide. Last year's order is the one its own cycle ran with (cycle.CycleGovernance);
 * under the usual order last year's committee was heard before its own Action step, which took its opinions.
 * N's annual report lists them with the secretariat's response (対応方針, publication.PriorOpinions), so the
 * council reads what became of them: {@link #toAnswerIn} is the list both read.
 */
@Component
public class OpinionsFromLastYear {

  static final String ROWS = "opinionsFromLastYear";
  static final String TITLE = "opinionsFromLastYearTitle";

  private final EvaluationService evaluations;
  private final CycleGovernance governance;
  private final PlanService plan;
  private final TaskVariables variables;

  OpinionsFromLastYear(EvaluationService evaluations, CycleGovernance governance, PlanService plan,
      TaskVariables variables) {
    this.evaluations = evaluations;
    this.governance = governance;
    this.plan = plan;
    this.variables = variables;
  }

  /**
   * The committee's opinions on the report of {@code fiscalYear} − 1 that were heard after it was published, in
   * the order they were recorded: fiscal year {@code fiscalYear} takes them up (none under the usual order).
   */
  public List<OpinionView> toAnswerIn(String municipality, int fiscalYear) {
    var lastYear = fiscalYear - 1;
    var heardAfterPublishing = governance.of(municipality, lastYear).map(PlanGovernance::order)
        .filter(order -> order == ReviewOrder.REPORT_AFTER_PUBLISHING).isPresent();
    return heardAfterPublishing ? evaluations.opinions(municipality, lastYear) : List.of();
  }

  /** The committee's name in the plan of the year that heard them (環境審議会 in seed 004). */
  public String committeeOf(String municipality, int fiscalYear) {
    return governance.name(municipality, fiscalYear - 1, "committee", "推進委員会");
  }

  void show(DelegateTask task) {
    var cycle = CycleReference.of(task);
    var lastYear = cycle.fiscalYear() - 1;
    var opinions = toAnswerIn(cycle.municipality(), cycle.fiscalYear());
    if (opinions.isEmpty()) {
      variables.putRows(task, ROWS, List.of());
      variables.putText(task, TITLE, "");
      return;
    }
    var names = plan.measures(cycle.municipality()).stream()
        .collect(Collectors.toMap(MeasureView::code, MeasureView::name, (a, b) -> a));
    var body = committeeOf(cycle.municipality(), cycle.fiscalYear());
    variables.putText(task, TITLE, lastYear + "年度の年次報告書に対する" + body + "の意見（公表後に聴取したもの。"
        + cycle.fiscalYear() + "年度の進行管理に反映してください）");
    variables.putRows(task, ROWS, opinions.stream().map(o -> row(lastYear, o, names::get)).toList());
  }

  private static Map<String, Object> row(int fiscalYear, OpinionView opinion, Function<String, String> names) {
    var row = new LinkedHashMap<String, Object>();
    row.put("fiscalYearLabel", fiscalYear + "年度");
    row.put("measureCode", opinion.measureCode() == null ? "全体" : opinion.measureCode());
    var name = opinion.measureCode() == null ? null : names.apply(opinion.measureCode());
    row.put("measureName", name == null ? "" : name);
    row.put("opinion", opinion.opinion());
    return row;
  }
}

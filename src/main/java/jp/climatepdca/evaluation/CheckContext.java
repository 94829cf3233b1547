package jp.climatepdca.evaluation;

import java.util.List;
import jp.climatepdca.emission.EmissionsSummary;
import jp.climatepdca.plan.PlanService;
import jp.climatepdca.review.ReviewLevel;
import jp.climatepdca.review.ReviewLog;
import jp.climatepdca.system.CycleReference;
import jp.climatepdca.system.TaskVariables;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * What every city-wide Check form shows (secretariat, headquarters, liaison meeting, committee): every measure
 * with its progress, grade and comment, exceptions first ({@link MeasureReviewTable}), the indicators with
 * their grades, the emissions against the base year, the previous year and the target path, the texts written
 * so far and any return comment, and the committee's opinions on last year's report when it was heard after
 * publishing ({@link OpinionsFromLastYear}).
 */
@Component
class CheckContext {

  /** A member of an area also gets its result back from the area's liaison meeting (area-cycle.bpmn). */
  private static final List<ReviewLevel> CITY_REVIEWERS = List.of(ReviewLevel.HEADQUARTERS, ReviewLevel.COMMITTEE,
      ReviewLevel.AREA_LIAISON);

  private final PlanService plan;
  private final EvaluationService evaluations;
  private final ReviewLog reviews;
  private final IndicatorTable indicators;
  private final MeasureReviewTable measures;
  private final EmissionsSummary emissions;
  private final TaskVariables variables;
  private final OpinionsFromLastYear opinionsFromLastYear;

  CheckContext(PlanService plan, EvaluationService evaluations, ReviewLog reviews, IndicatorTable indicators,
      MeasureReviewTable measures, EmissionsSummary emissions, TaskVariables variables,
      OpinionsFromLastYear opinionsFromLastYear) {
    this.plan = plan;
    this.evaluations = evaluations;
    this.reviews = reviews;
    this.indicators = indicators;
    this.measures = measures;
    this.emissions = emissions;
    this.variables = variables;
    this.opinionsFromLastYear = opinionsFromLastYear;
  }

  void show(DelegateTask task) {
    var cycle = CycleReference.of(task);
    var evaluation = evaluations.evaluation(cycle.municipality(), cycle.fiscalYear());
    variables.putText(task, "municipalityName", plan.municipality(cycle.municipality()).name());
    variables.putText(task, "returnNotice", reviews
        .pendingReturnNotice(cycle.municipality(), cycle.fiscalYear(), null, CITY_REVIEWERS)
        .orElse(""));
    variables.putText(task, "secretariatSummary", nullToEmpty(evaluation.secretariatSummary()));
    variables.putText(task, "headquartersEvaluation", nullToEmpty(evaluation.headquartersEvaluation()));
    variables.putText(task, "liaisonMinutes", nullToEmpty(evaluation.liaisonMinutes()));
    var grades = indicators.show(task, cycle.municipality(), cycle.fiscalYear());
    measures.show(task, cycle.municipality(), cycle.fiscalYear(), CycleReference.reviewYear(task), grades);
    emissions.show(task, cycle.municipality(), CycleReference.inventoryYear(task));
    opinionsFromLastYear.show(task);
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}

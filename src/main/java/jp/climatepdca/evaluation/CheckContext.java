package jp.climatepdca.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import jp.climatepdca.assessment.AssessmentView;
import jp.climatepdca.assessment.Progress;
import jp.climatepdca.assessment.SelfAssessmentService;
import jp.climatepdca.emission.EmissionsSummary;
import jp.climatepdca.plan.MeasureView;
import jp.climatepdca.plan.PlanService;
import jp.climatepdca.review.ReviewLevel;
import jp.climatepdca.review.ReviewLog;
import jp.climatepdca.system.CycleReference;
import jp.climatepdca.system.TaskVariables;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * What every city-wide Check form shows (secretariat, headquarters, liaison meeting, committee): the
 * summary of all departments, the delayed measures, the indicators with their grades, the emissions
 * against the base year, the previous year and the target path, the texts written so far and any return comment,
 * and the committee's opinions on last year's report when it was heard after publishing ({@link OpinionsFromLastYear}).
 */
@Component
class CheckContext {

  /** A member of an area also gets its result back from the area's liaison meeting (area-cycle.bpmn). */
  private static final List<ReviewLevel> CITY_REVIEWERS = List.of(ReviewLevel.HEADQUARTERS, ReviewLevel.COMMITTEE,
      ReviewLevel.AREA_LIAISON);

  private final PlanService plan;
  private final SelfAssessmentService assessments;
  private final EvaluationService evaluations;
  private final ReviewLog reviews;
  private final IndicatorTable indicators;
  private final EmissionsSummary emissions;
  private final TaskVariables variables;
  private final OpinionsFromLastYear opinionsFromLastYear;

  CheckContext(PlanService plan, SelfAssessmentService assessments, EvaluationService evaluations, ReviewLog reviews,
      IndicatorTable indicators, EmissionsSummary emissions, TaskVariables variables,
      OpinionsFromLastYear opinionsFromLastYear) {
    this.plan = plan;
    this.assessments = assessments;
    this.evaluations = evaluations;
    this.reviews = reviews;
    this.indicators = indicators;
    this.emissions = emissions;
    this.variables = variables;
    this.opinionsFromLastYear = opinionsFromLastYear;
  }

  void show(DelegateTask task) {
    var cycle = CycleReference.of(task);
    var all = assessments.all(cycle.municipality(), cycle.fiscalYear());
    var measures = plan.measures(cycle.municipality(), CycleReference.reviewYear(task)).stream()
        .collect(Collectors.toMap(MeasureView::code, Function.identity()));
    var departmentNames = new LinkedHashMap<String, String>();
    plan.departments(cycle.municipality()).forEach(d -> departmentNames.put(d.code(), d.name()));

    var evaluation = evaluations.evaluation(cycle.municipality(), cycle.fiscalYear());
    variables.putText(task, "municipalityName", plan.municipality(cycle.municipality()).name());
    variables.putText(task, "returnNotice", reviews
        .pendingReturnNotice(cycle.municipality(), cycle.fiscalYear(), null, CITY_REVIEWERS)
        .orElse(""));
    variables.putRows(task, "departmentSummary", departmentSummary(all, departmentNames));
    variables.putRows(task, "delayedMeasures", delayed(all, measures, departmentNames));
    variables.putText(task, "secretariatSummary", nullToEmpty(evaluation.secretariatSummary()));
    variables.putText(task, "headquartersEvaluation", nullToEmpty(evaluation.headquartersEvaluation()));
    variables.putText(task, "liaisonMinutes", nullToEmpty(evaluation.liaisonMinutes()));
    indicators.show(task, cycle.municipality(), cycle.fiscalYear());
    emissions.show(task, cycle.municipality(), CycleReference.inventoryYear(task));
    opinionsFromLastYear.show(task);
  }

  private static List<Map<String, Object>> departmentSummary(List<AssessmentView> all,
      Map<String, String> departmentNames) {
    var rows = new ArrayList<Map<String, Object>>();
    departmentNames.forEach((code, name) -> {
      var own = all.stream().filter(a -> a.departmentCode().equals(code)).toList();
      if (own.isEmpty()) {
        return;
      }
      var row = new LinkedHashMap<String, Object>();
      row.put("departmentName", name);
      row.put("measures", own.size());
      row.put("completed", count(own, Progress.COMPLETED));
      row.put("onTrack", count(own, Progress.ON_TRACK));
      row.put("mostlyOnTrack", count(own, Progress.MOSTLY_ON_TRACK));
      row.put("delayed", count(own, Progress.DELAYED));
      row.put("notStarted", count(own, Progress.NOT_STARTED));
      rows.add(row);
    });
    return rows;
  }

  private static List<Map<String, Object>> delayed(List<AssessmentView> all, Map<String, MeasureView> measures,
      Map<String, String> departmentNames) {
    return all.stream()
        .filter(a -> a.progress() == Progress.DELAYED || a.progress() == Progress.NOT_STARTED)
        .map(a -> {
          var row = new LinkedHashMap<String, Object>();
          row.put("departmentName", departmentNames.getOrDefault(a.departmentCode(), a.departmentCode()));
          row.put("measureCode", a.measureCode());
          row.put("measureName", measures.containsKey(a.measureCode()) ? measures.get(a.measureCode()).name() : "");
          row.put("progressLabel", a.progress().label());
          row.put("issues", nullToEmpty(a.issues()));
          return (Map<String, Object>) row;
        }).toList();
  }

  private static long count(List<AssessmentView> rows, Progress progress) {
    return rows.stream().filter(a -> a.progress() == progress).count();
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}

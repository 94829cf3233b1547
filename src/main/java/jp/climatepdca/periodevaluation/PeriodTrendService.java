package jp.climatepdca.periodevaluation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import jp.climatepdca.assessment.AssessmentView;
import jp.climatepdca.assessment.SelfAssessmentService;
import jp.climatepdca.cycle.CycleSchedule;
import jp.climatepdca.emission.InventoryReportService;
import jp.climatepdca.evaluation.IndicatorService;
import jp.climatepdca.plan.MeasureView;
import jp.climatepdca.plan.PlanService;
import jp.climatepdca.plan.PlanVersionService;
import jp.climatepdca.plan.PlanVersionView;
import org.springframework.stereotype.Service;

/**
 * Compiles a period's trend from the public services of plan, emission, evaluation and assessment: the same
 * figures and grades each year's cycle showed, by year, each year read against the plan version in force in
 * it (so a year evaluated before a revision keeps its grades).
 */
@Service
class PeriodTrendService {

  private final PlanService plan;
  private final PlanVersionService versions;
  private final InventoryReportService inventories;
  private final IndicatorService indicators;
  private final SelfAssessmentService assessments;
  private final CycleSchedule schedule;

  PeriodTrendService(PlanService plan, PlanVersionService versions, InventoryReportService inventories,
      IndicatorService indicators, SelfAssessmentService assessments, CycleSchedule schedule) {
    this.plan = plan;
    this.versions = versions;
    this.inventories = inventories;
    this.indicators = indicators;
    this.assessments = assessments;
    this.schedule = schedule;
  }

  PeriodTrend compile(PeriodEvaluationRow evaluation) {
    var m = plan.municipality(evaluation.municipality());
    int fiscalYear = evaluation.fiscalYear();
    int lag = fiscalYear - schedule.reviewYear(fiscalYear);
    // the years whose activities a cycle reviewed so far: the period's first year up to the one before this
    var planYears = IntStream.rangeClosed(evaluation.firstYear(), Math.min(fiscalYear - 1, evaluation.lastYear()))
        .boxed().toList();
    var emissions = new ArrayList<PeriodTrend.EmissionYear>();
    for (int year = evaluation.firstYear() - 1; year <= schedule.inventoryYear(fiscalYear); year++) {
      inventories.find(m.code(), year).ifPresent(r -> emissions.add(new PeriodTrend.EmissionYear(r.inventoryYear(),
          r.total(), r.baseYear() == null ? null : r.baseYear().changePercent(),
          r.targetPath() == null ? null : r.targetPath().pathTotal(),
          r.targetPath() == null ? null : r.targetPath().gapPercent(),
          r.targetPath() == null ? null : r.targetPath().onTrack())));
    }
    var indicatorYears = new LinkedHashMap<String, List<PeriodTrend.IndicatorYear>>();
    var indicatorNames = new LinkedHashMap<String, String[]>();
    var projectYears = new LinkedHashMap<String, List<PeriodTrend.ProjectYear>>();
    var projects = new LinkedHashMap<String, MeasureView>();
    for (int planYear : planYears) {
      int cycle = planYear + lag;
      for (var g : indicators.grades(m.code(), cycle)) {
        indicatorNames.put(g.code(), new String[] {g.name(), g.unit()});
        indicatorYears.computeIfAbsent(g.code(), k -> new ArrayList<>()).add(new PeriodTrend.IndicatorYear(planYear,
            g.actualYear(), g.actualValue(), g.targetValue(), g.grade().name(), g.gradeLabel()));
      }
      var progress = assessments.all(m.code(), cycle).stream()
          .collect(Collectors.toMap(AssessmentView::measureCode, a -> a, (a, b) -> a));
      for (var measure : plan.activeMeasures(m.code(), planYear)) {
        if (!measure.keyProject()) {
          continue;
        }
        projects.put(measure.code(), measure);
        var a = progress.get(measure.code());
        projectYears.computeIfAbsent(measure.code(), k -> new ArrayList<>()).add(new PeriodTrend.ProjectYear(planYear,
            a == null || a.progress() == null ? null : a.progress().name(),
            a == null || a.progress() == null ? "未入力" : a.progress().label()));
      }
    }
    var indicatorTrends = indicatorYears.entrySet().stream().map(e -> new PeriodTrend.IndicatorTrend(e.getKey(),
        indicatorNames.get(e.getKey())[0], indicatorNames.get(e.getKey())[1], List.copyOf(e.getValue()))).toList();
    var projectTrends = projectYears.entrySet().stream().map(e -> {
      var measure = projects.get(e.getKey());
      return new PeriodTrend.KeyProjectTrend(e.getKey(), measure.name(), measure.departmentCode(), List.copyOf(e.getValue()));
    }).toList();
    var version = versions.versionInForce(m.code(), fiscalYear).map(PlanVersionView::number).orElse(null);
    return new PeriodTrend(m.code(), m.name(), fiscalYear, evaluation.kind().name(), evaluation.kind().label(),
        evaluation.firstYear(), evaluation.lastYear(), version, Instant.now(), planYears, List.copyOf(emissions),
        indicatorTrends, projectTrends);
  }
}
